package dev.streamcast.app.rate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    @Test
    void givesTheBurstThenRefillsAtTheRate() throws InterruptedException {
        TokenBucket b = TokenBucket.of(10, 3);   // a token every 100 ms
        assertTrue(b.tryTake());
        assertTrue(b.tryTake());
        assertTrue(b.tryTake());
        assertFalse(b.tryTake(), "the burst is spent");
        Thread.sleep(150);
        assertTrue(b.tryTake(), "one token back after 150 ms");
    }

    @Test
    void zeroRateOrUnlimitedNeverRefuses() {
        for (TokenBucket b : new TokenBucket[] {TokenBucket.of(0, 1), TokenBucket.unlimited()}) {
            for (int i = 0; i < 100_000; i++) {
                assertTrue(b.tryTake());
            }
        }
    }

    @Test
    void aBurstBelowOneIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> TokenBucket.of(5, 0.5));
    }
}
