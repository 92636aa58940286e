package dev.streamcast.loadgen.cli;

import dev.streamcast.loadgen.baseline.BaselineApp;
import dev.streamcast.loadgen.baseline.BaselineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the baseline Streams app in a JVM of its own until stopped, so {@code bench --mode max} can time it exactly as
 * it times the forecaster: a fresh JVM started after the records are there, JIT warm-up included for both.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the baseline app (parse JSON, RocksDB get/put of a small record, one JSON record out per "
                + "input) until Ctrl-C, as the app under test of another bench run.",
                "Example: baseline --topic obs --forecasts-topic fc --dlq-topic dlq "
                        + "--processing-guarantee exactly_once_v2"})
public final class BaselineCommand implements Callable<Integer> {

    @Option(names = {"-t", "--topic"}, defaultValue = "observations",
            description = "Input topic, read from its start (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--forecasts-topic", defaultValue = "forecasts",
            description = "Output topic (default: ${DEFAULT-VALUE}).")
    String forecastsTopic;

    @Option(names = "--dlq-topic", defaultValue = "observations-dlq",
            description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
    String dlqTopic;

    @Option(names = "--processing-guarantee", defaultValue = "exactly_once_v2",
            paramLabel = "at_least_once|exactly_once_v2",
            description = "processing.guarantee (default: ${DEFAULT-VALUE}).")
    String processingGuarantee;

    @Option(names = "--application-id", defaultValue = "loadgen-baseline-app",
            description = "application.id; a new one starts with empty state at the input's start "
                    + "(default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--threads", defaultValue = "1", description = "num.stream.threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-value-bytes", defaultValue = "65536",
            description = "Larger values are rejected as too_large (default: ${DEFAULT-VALUE}).")
    int maxValueBytes;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() throws Exception {
        if (!List.of("at_least_once", "exactly_once_v2").contains(processingGuarantee)) {
            throw new IllegalArgumentException("--processing-guarantee must be at_least_once or exactly_once_v2");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        BaselineSettings s = new BaselineSettings(applicationId, topic, forecastsTopic, dlqTopic, processingGuarantee,
                threads, maxValueBytes);
        CountDownLatch stopped = new CountDownLatch(1);
        try (BaselineApp app = new BaselineApp(s)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "baseline-shutdown"));
            app.start(kafka.settings().with(Map.of()), Duration.ofSeconds(120));
            System.err.println("baseline running: " + topic + " -> " + forecastsTopic + " (" + processingGuarantee
                    + ", application.id " + applicationId + "); Ctrl-C stops it");
            stopped.await();
        }
        return 0;
    }
}
