package dev.streamcast.loadgen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.Duration;

/** The top-level command: only dispatches to {@code produce} and {@code bench}. */
@Command(name = "load-generator", mixinStandardHelpOptions = true, version = "load-generator 0.1.0",
        description = "Load for the streamcast forecaster: synthetic or replayed observations to Kafka, and an "
                + "end-to-end bench (throughput, latency, exactly-once) against the forecaster or a baseline app.",
        subcommands = {ProduceCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class LoadGeneratorCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** The configured command line (converters registered), shared by {@code Main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LoadGeneratorCommand());
        cl.registerConverter(Duration.class, Durations::parse);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }
}
