package dev.streamcast.loadgen.bench;

import dev.streamcast.loadgen.series.SplitMix;

/**
 * Every record the bench expects a forecast for, keyed by (series, ts), with its send time and how many forecasts
 * matched it. Open addressing over primitive arrays (about 30 bytes an entry) so millions of events fit without a
 * boxed map; synchronized because the produce loop inserts while the output reader matches.
 */
public final class SentIndex {

    /** {@link #match} result: no record was sent with that (series, ts). */
    public static final long UNKNOWN = Long.MIN_VALUE;
    /** {@link #match} result: the record had a forecast already. */
    public static final long DUPLICATE = Long.MIN_VALUE + 1;

    private static final byte EMPTY = 0;
    private static final byte SENT = 1;
    private static final byte FAILED = 2;

    private int[] series;
    private long[] ts;
    private long[] sentNanos;
    private int[] hits;
    private byte[] state;
    private int size;
    private long failed;

    public SentIndex(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    public synchronized void put(int s, long t, long nanos) {
        if ((size + 1) * 10L > state.length * 7L) {
            grow();
        }
        int i = slot(s, t);
        if (state[i] == EMPTY) {
            size++;
        }
        series[i] = s;
        ts[i] = t;
        sentNanos[i] = nanos;
        hits[i] = 0;
        state[i] = SENT;
    }

    /** The producer could not write it: it is neither expected nor missing. */
    public synchronized void markFailed(int s, long t) {
        int i = slot(s, t);
        if (state[i] == SENT) {
            state[i] = FAILED;
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
        if (state[i] == EMPTY) {
            return UNKNOWN;
        }
        if (hits[i]++ > 0) {
            return DUPLICATE;
        }
        return sentNanos[i];
    }

    /** Counts at this moment. */
    public synchronized Counts counts() {
        long matched = 0;
        long duplicates = 0;
        long missing = 0;
        for (int i = 0; i < state.length; i++) {
            if (state[i] == SENT) {
                if (hits[i] == 0) {
                    missing++;
                } else {
                    matched++;
                    duplicates += hits[i] - 1;
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

    private int slot(int s, long t) {
        int mask = state.length - 1;
        int i = (int) SplitMix.mix(t * 0x9E3779B97F4A7C15L + s) & mask;
        while (state[i] != EMPTY && (series[i] != s || ts[i] != t)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void allocate(int capacity) {
        series = new int[capacity];
        ts = new long[capacity];
        sentNanos = new long[capacity];
        hits = new int[capacity];
        state = new byte[capacity];
    }

    private void grow() {
        int[] oldSeries = series;
        long[] oldTs = ts;
        long[] oldNanos = sentNanos;
        int[] oldHits = hits;
        byte[] oldState = state;
        allocate(state.length * 2);
        for (int j = 0; j < oldState.length; j++) {
            if (oldState[j] != EMPTY) {
                int i = slot(oldSeries[j], oldTs[j]);
                series[i] = oldSeries[j];
                ts[i] = oldTs[j];
                sentNanos[i] = oldNanos[j];
                hits[i] = oldHits[j];
                state[i] = oldState[j];
            }
        }
    }
}
