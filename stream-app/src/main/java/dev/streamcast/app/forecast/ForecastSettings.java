package dev.streamcast.app.forecast;

/**
 * Tuning of the per-series forecasting logic.
 *
 * @param horizon       forecast steps ahead per event
 * @param level         central interval coverage, e.g. 0.9
 * @param window        inputs kept per series: the RNN's warm-up and the length of training windows
 * @param errorWindow   recent one-step errors kept for the conformal interval
 * @param sampleEvery   a warm series emits a training sample every this many accepted points (0 = never)
 * @param seasonPeriod  season length in points: {@link #AUTO_PERIOD} = from the series' spacing (monthly 12,
 *                      quarterly 4, daily 7, hourly 24, half-hourly 336, ...), 0 = no season, else 2..{@value
 *                      #MAX_PERIOD}
 * @param seasonGamma   seasonal smoothing: the slow ring learns with half of it, the quick one with twice it
 * @param top           the smoothing forecast weighs this many best candidates (by recent error)
 * @param memory        recent errors that rank the candidates are averaged over about this many points
 * @param densePoints   a series emits a training sample at every point for its first this many points, then every
 *                      {@code sampleEvery}
 * @param logPositive   smooth log(value) while a series is positive (multiplicative trend and season), then
 *                      sqrt(value) while it is not negative
 * @param changeAr      blend in {@link ChangeAr} for series of sub-daily points with a season
 * @param seriesPeriods season lengths configured for some series ({@code forecast.season.period.series}), before
 *                      {@code seasonPeriod}
 */
public record ForecastSettings(int horizon, double level, int window, int errorWindow, int sampleEvery,
                               int seasonPeriod, double seasonGamma, int top, int memory, int densePoints,
                               boolean logPositive, boolean changeAr, SeriesPeriods seriesPeriods) {

    public static final int AUTO_PERIOD = -1;
    public static final int MAX_PERIOD = 400;

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
        checkPeriod("forecast.season.period", seasonPeriod);
        seriesPeriods = seriesPeriods == null ? SeriesPeriods.NONE : seriesPeriods;
        if (!(seasonGamma >= 0 && seasonGamma < 0.5)) {
            throw new IllegalArgumentException("forecast.season.gamma must be in [0, 0.5), got " + seasonGamma);
        }
        if (top < 1 || top > Smoothing.CANDIDATES) {
            throw new IllegalArgumentException("forecast.smoothing.top must be 1.." + Smoothing.CANDIDATES + ", got "
                    + top);
        }
        if (memory < 1) {
            throw new IllegalArgumentException("forecast.smoothing.memory must be >= 1, got " + memory);
        }
        if (densePoints < 0) {
            throw new IllegalArgumentException("retrain.sample.dense.points must be >= 0, got " + densePoints);
        }
    }

    /** The original five settings; the smoothing ones take their defaults. */
    public ForecastSettings(int horizon, double level, int window, int errorWindow, int sampleEvery) {
        this(horizon, level, window, errorWindow, sampleEvery, AUTO_PERIOD, 0.1, 4, 150, 1000, true, true,
                SeriesPeriods.NONE);
    }

    /** The configured season of {@code series}: its {@code forecast.season.period.series} rule, else the default. */
    public int periodFor(String series) {
        return seriesPeriods.periodOf(series, seasonPeriod);
    }

    /** Fails unless {@code period} is {@link #AUTO_PERIOD}, 0 or 2..{@link #MAX_PERIOD}; {@code what} names it. */
    static void checkPeriod(String what, int period) {
        if (period < AUTO_PERIOD || period == 1 || period > MAX_PERIOD) {
            throw new IllegalArgumentException(what + " must be auto, 0 or 2.." + MAX_PERIOD + ", got " + period);
        }
    }

    public static ForecastSettings defaults() {
        return new ForecastSettings(6, 0.9, 24, 100, 4);
    }

    /** Parses {@code forecast.season.period}: {@code auto}, 0 (none) or a length. */
    public static int parsePeriod(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("auto")) {
            return AUTO_PERIOD;
        }
        int period;
        try {
            period = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("forecast.season.period must be auto or an integer, got '" + value + "'");
        }
        if (period < 0) { // -1 stands for auto inside; written out, it is a mistake
            throw new IllegalArgumentException("forecast.season.period must be auto, 0 or 2.." + MAX_PERIOD + ", got "
                    + period);
        }
        return period;
    }
}
