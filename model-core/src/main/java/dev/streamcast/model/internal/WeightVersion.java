package dev.streamcast.model.internal;

/** Incremented on every weight mutation so compute copies (CellWeights) know when to refresh. */
public final class WeightVersion {
    private volatile long value;

    public long get() {
        return value;
    }

    public void bump() {
        value++;
    }
}
