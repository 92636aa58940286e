package dev.streamcast.app.forecast;

/**
 * Tuning of the per-series forecasting logic.
 *
 * @param horizon       forecast steps ahead per event
 * @param level         central interval coverage, e.g. 0.9
 * @param window        inputs kept per series: the RNN's warm-up and the length of training windows
 * @param errorWindow   recent one-step errors kept for the conformal interval
 * @param sampleEvery   a warm series emits a training sample every this many accepted points (0 = never)
 */
public record ForecastSettings(int horizon, double level, int window, int errorWindow, int sampleEvery) {

    public ForecastSettings {
        if (horizon < 1 || horizon > 1000) {
            throw new IllegalArgumentException("forecast.horizon must be 1..1000, got " + horizon);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("forecast.interval.level must be in (0, 1), got " + level);
        }
        if (window < 1 || window > 10_000) {
            throw new IllegalArgumentException("forecast.window must be 1..10000, got " + window);
        }
        if (errorWindow < 5 || errorWindow > 100_000) {
            throw new IllegalArgumentException("forecast.error.window must be 5..100000, got " + errorWindow);
        }
        if (sampleEvery < 0) {
            throw new IllegalArgumentException("retrain.sample.every must be >= 0, got " + sampleEvery);
        }
    }

    public static ForecastSettings defaults() {
        return new ForecastSettings(6, 0.9, 24, 100, 4);
    }
}
