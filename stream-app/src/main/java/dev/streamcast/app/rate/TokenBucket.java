package dev.streamcast.app.rate;

/**
 * A token bucket: {@code perSecond} takes a second after a first {@code burst}, shared by any number of threads.
 * Bounds the training windows an instance sends (see {@code retrain.sample.rate}) and the expensive HTTP queries
 * ({@code http.query.rate}).
 */
public final class TokenBucket {

    private final boolean unlimited;
    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    private TokenBucket(double perSecond, double burst) {
        this.unlimited = Double.isInfinite(perSecond);
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = System.nanoTime();
    }

    /** Every take succeeds. */
    public static TokenBucket unlimited() {
        return new TokenBucket(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** {@code perSecond} takes a second after a first {@code burst}; {@code perSecond <= 0} means unlimited. */
    public static TokenBucket of(double perSecond, double burst) {
        if (perSecond <= 0) {
            return unlimited();
        }
        if (!(burst >= 1)) {
            throw new IllegalArgumentException("a token bucket's burst must be at least 1, got " + burst);
        }
        return new TokenBucket(perSecond, burst);
    }

    /** Takes one token if there is one. */
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
