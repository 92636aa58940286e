package dev.streamcast.loadgen.produce;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the bucket on a simulated clock: no real sleeping, so nothing here depends on how busy the machine is. */
class TokenBucketTest {

    /** A clock that only moves when the bucket sleeps, plus a fixed cost per call (the "work" of sending). */
    static final class FakeClock implements TokenBucket.Clock {
        long now;
        long costPerCall;
        long slept;

        @Override
        public long nanoTime() {
            now += costPerCall;
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            // Oversleep by 60 us like a real scheduler: the bucket must make up for it.
            now += nanos + 60_000;
            slept += nanos + 60_000;
        }
    }

    @Test
    void holdsTheRateOverManyAcquisitions() {
        FakeClock clock = new FakeClock();
        TokenBucket bucket = new TokenBucket(50_000, clock);
        long start = clock.now;
        int n = 500_000;
        for (int i = 0; i < n; i++) {
            bucket.acquire();
        }
        double seconds = (clock.now - start) / 1e9;
        assertEquals(n / 50_000.0, seconds, 0.06, "10 s of tokens, within the 50 ms burst");
        assertTrue(clock.slept > 0);
    }

    @Test
    void neverExceedsTheRateByMoreThanTheBurstAfterAnIdlePeriod() {
        FakeClock clock = new FakeClock();
        TokenBucket bucket = new TokenBucket(1000, 10, clock);
        clock.now += 60_000_000_000L; // a minute idle: the bucket must not have saved up 60,000 tokens
        long start = clock.now;
        for (int i = 0; i < 1010; i++) {
            bucket.acquire();
        }
        double seconds = (clock.now - start) / 1e9;
        assertTrue(seconds >= 0.99, "1000 tokens beyond the 10-token burst need about a second, took " + seconds);
    }

    @Test
    void aSlowCallerIsNotThrottledFurther() {
        FakeClock clock = new FakeClock();
        clock.costPerCall = 1_000_000; // 1 ms per call: slower than the 100k/s rate
        TokenBucket bucket = new TokenBucket(100_000, clock);
        for (int i = 0; i < 1000; i++) {
            bucket.acquire();
        }
        assertEquals(0, clock.slept);
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, TokenBucket.SYSTEM));
    }
}
