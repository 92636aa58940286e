package dev.streamcast.loadgen.produce;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds a rate: a token per record, refilled continuously at {@code rate} per second, at most {@code burst} stored.
 * The burst (50 ms worth) lets the loop sleep in coarse steps (the OS wakes a thread no sooner than
 * ~50-100 us) yet keep the average. Not thread-safe: one produce loop owns it.
 */
public final class TokenBucket {

    /** Time source, replaceable in tests. */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos);
    }

    public static final Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    };

    private final double nanosPerToken;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, Clock clock) {
        this(ratePerSecond, Math.max(1, ratePerSecond * 0.05), clock);
    }

    public TokenBucket(double ratePerSecond, double burst, Clock clock) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("the rate must be positive, not " + ratePerSecond);
        }
        this.nanosPerToken = 1e9 / ratePerSecond;
        this.burst = Math.max(1, burst);
        this.clock = clock;
        this.tokens = 1;
        this.last = clock.nanoTime();
    }

    /** Waits until a token is available and takes it. */
    public void acquire() {
        while (true) {
            long now = clock.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / nanosPerToken);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return;
            }
            clock.sleepNanos((long) Math.ceil((1 - tokens) * nanosPerToken));
        }
    }
}
