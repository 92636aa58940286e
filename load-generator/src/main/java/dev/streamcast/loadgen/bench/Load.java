package dev.streamcast.loadgen.bench;

import dev.streamcast.loadgen.produce.ProduceLoop;
import dev.streamcast.loadgen.produce.ProduceStats;
import dev.streamcast.loadgen.produce.SendListener;
import dev.streamcast.loadgen.series.ObservationSource;

/** The produce side of a bench run, built around the bench's {@link SendListener}. */
public record Load(ObservationSource source, ProduceLoop loop, ProduceStats stats, AutoCloseable resources) {

    /** Builds the load once the bench knows where sends must be reported. */
    @FunctionalInterface
    public interface Factory {
        Load create(SendListener listener) throws Exception;
    }
}
