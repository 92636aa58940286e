package dev.streamcast.loadgen.produce;

import dev.streamcast.loadgen.faults.FaultKind;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters shared by the produce loop (sent, by kind), the producer's I/O thread (acked, failed) and the progress
 * line. Updated without locks; the progress line may read slightly stale values.
 */
public final class ProduceStats {

    private final LongAdder sent = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicLongArray byKind = new AtomicLongArray(FaultKind.values().length);
    private final LongAdder expectedForecasts = new LongAdder();
    private volatile String lastError;
    private volatile long startNanos;
    private volatile long endNanos;

    void started(long nanos) {
        startNanos = nanos;
    }

    void ended(long nanos) {
        endNanos = nanos;
    }

    void sent(FaultKind kind, int valueBytes, boolean expectForecast) {
        sent.increment();
        bytes.add(valueBytes);
        byKind.incrementAndGet(kind.ordinal());
        if (expectForecast) {
            expectedForecasts.increment();
        }
    }

    void ack() {
        acked.increment();
    }

    void failed(Exception e) {
        failed.increment();
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    public long sent() {
        return sent.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    public long acked() {
        return acked.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long count(FaultKind kind) {
        return byKind.get(kind.ordinal());
    }

    /** Records the forecaster must accept (valid and gaps, minus replay rows it must reject). */
    public long expectedForecasts() {
        return expectedForecasts.sum();
    }

    public String lastError() {
        return lastError;
    }

    public long startNanos() {
        return startNanos;
    }

    /** When the loop finished and all sends were flushed, or 0 while running. */
    public long endNanos() {
        return endNanos;
    }

    public double seconds() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return startNanos == 0 ? 0 : (end - startNanos) / 1e9;
    }
}
