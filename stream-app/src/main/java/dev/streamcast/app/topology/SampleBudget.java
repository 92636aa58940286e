package dev.streamcast.app.topology;

/**
 * How many training windows this instance sends to the trainer per second: a token bucket shared by its stream
 * tasks. The trainer keeps only its most recent {@code retrain.reservoir} windows and trains at most every
 * {@code retrain.min.interval.ms}, so sending every window of every busy series only loaded the broker and the
 * stream thread: unbounded, a 1,000-series replay sent more training windows than forecasts, and throughput fell by
 * a quarter. The burst lets a fresh application reach its first training without waiting on the rate.
 */
public final class SampleBudget {

    private final boolean unlimited;
    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    private SampleBudget(double perSecond, double burst) {
        this.unlimited = Double.isInfinite(perSecond);
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = System.nanoTime();
    }

    /** No limit: every window the forecaster offers is sent (backtests, where retraining follows event time). */
    public static SampleBudget unlimited() {
        return new SampleBudget(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** {@code perSecond} windows a second after a first {@code burst}; {@code perSecond <= 0} means unlimited. */
    public static SampleBudget of(double perSecond, double burst) {
        if (perSecond <= 0) {
            return unlimited();
        }
        if (!(burst >= 1)) {
            throw new IllegalArgumentException("sample burst must be at least 1, got " + burst);
        }
        return new SampleBudget(perSecond, burst);
    }

    /** Takes one window's token if there is one; called from every stream thread of the instance. */
    public synchronized boolean tryTake() {
        if (unlimited) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
