package dev.streamcast.app;

import dev.streamcast.app.cli.BacktestCommand;
import dev.streamcast.app.cli.RunCommand;
import dev.streamcast.app.runtime.KafkaAccessException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The forecaster's command line.
 *
 * <pre>
 * java -jar stream-app/target/stream-app.jar run [--bootstrap-servers H:P] [--config FILE] [--model FILE]
 * java -jar stream-app/target/stream-app.jar backtest --input FILE.csv [--test-fraction F] [--horizon H] [--report DIR]
 * </pre>
 */
@Command(name = "stream-app", mixinStandardHelpOptions = true, version = "streamcast 0.1.0",
        description = "Streaming time-series forecaster: one RNN step per event on Kafka Streams.",
        subcommands = {RunCommand.class, BacktestCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(160);
        var runFooter = cl.getSubcommands().get("run").getCommandSpec().usageMessage();
        String[] footer = java.util.Arrays.copyOf(runFooter.footer(), runFooter.footer().length + 1);
        footer[footer.length - 1] = RunCommand.settingsTable();
        runFooter.footer(footer);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Bad settings and inputs are the user's to fix: one clear line, no stack trace.
            if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
                    || e instanceof ConfigException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof KafkaAccessException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
