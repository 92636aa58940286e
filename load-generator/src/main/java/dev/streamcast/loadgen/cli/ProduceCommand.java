package dev.streamcast.loadgen.cli;

import dev.streamcast.loadgen.produce.ProduceLoop;
import dev.streamcast.loadgen.produce.ProduceReport;
import dev.streamcast.loadgen.produce.ProgressLine;
import dev.streamcast.loadgen.produce.SendListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code produce}: writes observations to the input topic at a set rate until --count, --duration, the end of a
 * replay file or Ctrl-C; a progress line on stderr, a JSON summary on stdout.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, showDefaultValues = false, sortOptions = false,
        description = {"Write synthetic or replayed observations to Kafka at a set rate.",
                "Record: key = series id, value {\"ts\": <epoch millis>, \"value\": <number|null>, \"seq\": <n>}, "
                        + "header sent.ms = wall-clock send time. Prints a JSON summary as the last line of stdout.",
                "Example: produce --keys 10000 --rate 50000 --duration 60s --gap-fraction 0.01"})
public final class ProduceCommand implements Callable<Integer> {

    @Option(names = {"-t", "--topic"}, defaultValue = "observations",
            description = "Topic to write to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = {"-r", "--rate"}, defaultValue = "10000",
            description = "Records per second (token bucket); 0 = as fast as the producer takes them "
                    + "(default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = {"-n", "--count"}, defaultValue = "0",
            description = "Stop after this many records; 0 = no limit (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = {"-d", "--duration"}, defaultValue = "0s", paramLabel = "DURATION",
            description = "Stop after this long (e.g. 30s, 5m); 0s = no limit. With neither --count nor --duration "
                    + "a synthetic run goes on until Ctrl-C (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--start", defaultValue = "2024-01-01T00:00:00Z", paramLabel = "INSTANT|now",
            description = "Event time of every synthetic series' first reading; 'now' = the current minute, or the "
                    + "minute after the latest event already on --topic if that is later. A fixed start makes runs "
                    + "repeatable; a forecaster that saw an earlier run needs a later start (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--progress-interval", defaultValue = "1s", paramLabel = "DURATION",
            description = "How often the progress line on stderr is refreshed (default: ${DEFAULT-VALUE}).")
    Duration progressInterval;

    @Option(names = "--dry-run", defaultValue = "false",
            description = "Generate and encode, but discard the records instead of sending them: the generator's own "
                    + "speed, no Kafka needed (default: ${DEFAULT-VALUE}).")
    boolean dryRun;

    @Option(names = {"-q", "--quiet"}, defaultValue = "false",
            description = "No progress line (default: ${DEFAULT-VALUE}).")
    boolean quiet;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        load.validate();
        if (!dryRun) {
            load.ensureTopics(List.of(topic), System.err);
        }
        ProduceLoop.Limits limits = new ProduceLoop.Limits(rate, count, duration.toNanos());
        CountDownLatch done = new CountDownLatch(1);
        Instant startAt = dryRun ? SourceOptions.parseStart(start)
                : load.source().resolveStart(start, load.client(), topic, System.err);
        try (LoadOptions.Assembly a = load.assemble(topic, startAt, limits, SendListener.NONE,
                "load-generator-produce", System.err, dryRun)) {
            Thread hook = new Thread(() -> {
                a.loop().stop();
                awaitQuietly(done);
            }, "produce-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            System.err.println((dryRun ? "dry run (records discarded, no Kafka)" : "producing to " + topic + " at "
                    + load.client().describe())
                    + (load.source().isReplay() && load.source().timeCompression > 0
                            ? ", paced by event time x" + load.source().timeCompression : "")
                    + (rate > 0 ? ", at most " + (long) rate + " records/s" : load.source().isReplay()
                            && load.source().timeCompression > 0 ? "" : ", as fast as possible"));
            ProduceReport report = new ProduceReport(a.stats());
            ProgressLine progress = new ProgressLine(System.err, report::progress, progressInterval.toMillis(), !quiet);
            try (progress) {
                a.loop().run();
            } finally {
                done.countDown();
            }
            spec.commandLine().getOut().println(report.json());
        spec.commandLine().getOut().flush();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running and waits for us.
            }
            return a.stats().failed() == 0 ? 0 : 1;
        }
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
