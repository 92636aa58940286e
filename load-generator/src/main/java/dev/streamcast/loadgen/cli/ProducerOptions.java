package dev.streamcast.loadgen.cli;

import dev.streamcast.loadgen.produce.ProducerSettings;
import picocli.CommandLine.Option;

/** Producer tuning; --client-config and -X can still override any producer property. */
public final class ProducerOptions {

    @Option(names = "--linger-ms", defaultValue = "10",
            description = "Producer linger.ms: how long a batch may wait to fill (default: ${DEFAULT-VALUE}).")
    int lingerMs;

    @Option(names = "--batch-size", defaultValue = "262144",
            description = "Producer batch.size in bytes (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--compression", defaultValue = "lz4",
            description = "Producer compression.type: none, gzip, snappy, lz4, zstd (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--acks", defaultValue = "all",
            description = "Producer acks; idempotence (on) needs all (default: ${DEFAULT-VALUE}).")
    String acks;

    public ProducerSettings settings() {
        return new ProducerSettings(lingerMs, batchSize, compression, acks, 128L * 1024 * 1024);
    }
}
