package dev.streamcast.loadgen.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentIndexTest {

    @Test
    void matchesOnceThenReportsDuplicatesAndUnknowns() {
        SentIndex index = new SentIndex(4);
        for (int s = 0; s < 100; s++) {
            for (long t = 0; t < 1000; t += 100) {
                index.put(s, t, s * 1000 + t);
            }
        }
        assertEquals(5 * 1000 + 300, index.match(5, 300));
        assertEquals(SentIndex.DUPLICATE, index.match(5, 300));
        assertEquals(SentIndex.UNKNOWN, index.match(5, 301));
        assertEquals(SentIndex.UNKNOWN, index.match(100, 0));
        index.markFailed(7, 0);
        SentIndex.Counts c = index.counts();
        assertEquals(999, c.expected());
        assertEquals(1, c.matched());
        assertEquals(998, c.missing());
        assertEquals(1, c.duplicates());
        assertEquals(1, c.failed());
    }
}
