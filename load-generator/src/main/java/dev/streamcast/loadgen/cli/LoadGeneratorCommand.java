package dev.streamcast.loadgen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.Duration;

/**
 * The top-level command: only dispatches to {@code produce}, {@code bench}, {@code baseline} and
 * {@code delete-topics}.
 */
@Command(name = "load-generator", mixinStandardHelpOptions = true, version = "load-generator 0.1.0",
        description = "Load for the streamcast forecaster: synthetic or replayed observations to Kafka, an "
                + "end-to-end bench (throughput, latency, exactly-once) against the forecaster or a baseline app, and "
                + "clean-up of benchmark topics.",
        subcommands = {ProduceCommand.class, BenchCommand.class, BaselineCommand.class, DeleteTopicsCommand.class,
                CommandLine.HelpCommand.class})
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
        cl.setExecutionExceptionHandler(LoadGeneratorCommand::handle);
        return cl;
    }

    /**
     * Mistakes in the input (bad options, an unreadable replay file, a missing topic) get one clear line and exit
     * code 2; anything else is a bug or an outage and keeps its stack trace.
     */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
            cl.getErr().println("error: " + e.getMessage()
                    + (e.getCause() != null && e.getCause().getMessage() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            return 2;
        }
        cl.getErr().println("error: " + e);
        e.printStackTrace(cl.getErr());
        return 1;
    }
}
