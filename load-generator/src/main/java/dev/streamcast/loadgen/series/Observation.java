package dev.streamcast.loadgen.series;

/**
 * One observation, filled in place by an {@link ObservationSource}: the produce loop reuses a single instance so
 * generation allocates nothing per record.
 */
public final class Observation {
    /** Index of the series in its source; the key is {@link ObservationSource#key(int)}. */
    public int series;
    /** Event time, epoch millis. */
    public long ts;
    /** The reading; ignored when {@link #gap}. */
    public double value;
    /** True for a missing reading: sent as {@code "value": null}. */
    public boolean gap;
    /**
     * False when the source itself knows the forecaster must reject this record (a replayed row whose ts does not
     * increase within its series), so the bench expects a dead letter instead of a forecast.
     */
    public boolean acceptable = true;
    /** When the record is due, in nanoseconds after the run started, or -1 to leave pacing to the rate limiter. */
    public long dueNanos = -1;

    public void copyFrom(Observation o) {
        series = o.series;
        ts = o.ts;
        value = o.value;
        gap = o.gap;
        acceptable = o.acceptable;
        dueNanos = o.dueNanos;
    }
}
