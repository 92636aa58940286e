package dev.streamcast.loadgen.bench;

import dev.streamcast.loadgen.series.SplitMix;

/**
 * Every record the bench expects a forecast for, keyed by (series, ts), with its send time and how many forecasts
 * matched it. Open addressing over one interleaved {@code long[]} (ts, series|state|hits, send time: 24 bytes a
 * slot, one cache line per probe) so millions of events fit without a boxed map and inserting keeps up with the
 * producer; synchronized because the produce loop inserts while the output reader matches.
 */
public final class SentIndex {

    /** {@link #match} result: no record was sent with that (series, ts). */
    public static final long UNKNOWN = Long.MIN_VALUE;
    /** {@link #match} result: the record had a forecast already. */
    public static final long DUPLICATE = Long.MIN_VALUE + 1;

    private static final int STRIDE = 3;
    /** Slot states, in bits 32-33 of the meta word; 0 = empty. */
    private static final long SENT = 1L << 32;
    private static final long FAILED = 2L << 32;
    private static final long STATE_MASK = 3L << 32;
    /** Forecasts seen, in bits 34-63 of the meta word. */
    private static final int HITS_SHIFT = 34;

    private long[] table;
    private int capacity;
    private int size;
    private long failed;

    public SentIndex(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    public synchronized void put(int s, long t, long nanos) {
        if ((size + 1) * 10L > capacity * 7L) {
            grow();
        }
        int i = slot(s, t);
        if (table[i + 1] == 0) {
            size++;
        }
        table[i] = t;
        table[i + 1] = (s & 0xFFFF_FFFFL) | SENT;
        table[i + 2] = nanos;
    }

    /** The producer could not write it: it is neither expected nor missing. */
    public synchronized void markFailed(int s, long t) {
        int i = slot(s, t);
        if ((table[i + 1] & STATE_MASK) == SENT) {
            table[i + 1] = (table[i + 1] & ~STATE_MASK) | FAILED;
            failed++;
        }
    }

    /**
     * Counts a forecast for (series, ts).
     *
     * @return the send time of the matched record when this is its first forecast, else {@link #UNKNOWN} or
     *     {@link #DUPLICATE}
     */
    public synchronized long match(int s, long t) {
        int i = slot(s, t);
        long meta = table[i + 1];
        if (meta == 0) {
            return UNKNOWN;
        }
        table[i + 1] = meta + (1L << HITS_SHIFT);
        return (meta >>> HITS_SHIFT) > 0 ? DUPLICATE : table[i + 2];
    }

    /** True when (series, ts) is a record that must be accepted (sent, not failed). */
    public synchronized boolean expects(int s, long t) {
        return (table[slot(s, t) + 1] & STATE_MASK) == SENT;
    }

    /** Up to {@code max} expected records without a forecast yet, as {series, ts} pairs. */
    public synchronized java.util.List<long[]> missing(int max) {
        java.util.List<long[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < table.length && out.size() < max; i += STRIDE) {
            long meta = table[i + 1];
            if ((meta & STATE_MASK) == SENT && (meta >>> HITS_SHIFT) == 0) {
                out.add(new long[] {(int) meta, table[i]});
            }
        }
        return out;
    }

    /** Counts at this moment. */
    public synchronized Counts counts() {
        long matched = 0;
        long duplicates = 0;
        long missing = 0;
        for (int i = 0; i < table.length; i += STRIDE) {
            long meta = table[i + 1];
            if ((meta & STATE_MASK) == SENT) {
                long hits = meta >>> HITS_SHIFT;
                if (hits == 0) {
                    missing++;
                } else {
                    matched++;
                    duplicates += hits - 1;
                }
            }
        }
        return new Counts(size - failed, matched, missing, duplicates, failed);
    }

    /**
     * @param expected   records sent and acknowledged that must get a forecast
     * @param matched    of those, how many got at least one
     * @param missing    how many got none (yet)
     * @param duplicates forecasts beyond the first for the same record
     * @param failed     records the producer could not write (not expected)
     */
    public record Counts(long expected, long matched, long missing, long duplicates, long failed) {
    }

    /** The index in {@link #table} of (s, t)'s slot, or of the empty slot where it would go. */
    private int slot(int s, long t) {
        int mask = capacity - 1;
        int j = (int) SplitMix.mix(t * 0x9E3779B97F4A7C15L + s) & mask;
        while (true) {
            int i = j * STRIDE;
            long meta = table[i + 1];
            if (meta == 0 || (table[i] == t && (int) meta == s)) {
                return i;
            }
            j = (j + 1) & mask;
        }
    }

    private void allocate(int slots) {
        capacity = slots;
        table = new long[slots * STRIDE];
    }

    private void grow() {
        long[] old = table;
        allocate(capacity * 2);
        for (int k = 0; k < old.length; k += STRIDE) {
            long meta = old[k + 1];
            if (meta != 0) {
                int i = slot((int) meta, old[k]);
                table[i] = old[k];
                table[i + 1] = meta;
                table[i + 2] = old[k + 2];
            }
        }
    }
}
