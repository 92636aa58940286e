package dev.streamcast.loadgen.cli;

import picocli.CommandLine.Option;

/** Whether and how the producing commands (produce, bench) create their missing topics. */
public final class TopicOptions {

    @Option(names = "--partitions", defaultValue = "6",
            description = "Partitions for topics this tool creates when missing; -1 = broker default; existing "
                    + "topics are not changed (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "-1",
            description = "Replication factor for topics this tool creates; -1 = broker default "
                    + "(default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--create-topics", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Create missing topics before starting (default: ${DEFAULT-VALUE}).")
    boolean createTopics;
}
