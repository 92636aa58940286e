package dev.streamcast.loadgen.cli;

import dev.streamcast.loadgen.baseline.BaselineSettings;
import dev.streamcast.loadgen.bench.BenchResult;
import dev.streamcast.loadgen.bench.BenchRunner;
import dev.streamcast.loadgen.bench.BenchSettings;
import dev.streamcast.loadgen.bench.Load;
import dev.streamcast.loadgen.produce.ProduceLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench}: produce in-process, read forecasts and dead letters back, print one JSON verdict as the last line of
 * stdout. Against the forecaster (already running, or started when told in max mode) or, with --baseline, against
 * the in-process baseline app.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Produce load, read forecasts (read_committed) and dead letters back, and print one JSON line: "
                + "sent, forecasts, dlq, seconds, throughput_per_s, latency_ms {p50,p99,max} (send to forecast "
                + "consumed), exactly_one_forecast_per_accepted_event with missing/duplicates counts.",
                "Forecasts are matched to sent records by (series key, ts).",
                "--mode rate: latency at the set rate. --mode max: pre-produce --count records as fast as possible, "
                        + "then start the app (the baseline automatically; the forecaster by you when told) and "
                        + "time the drain from the first to the last output.",
                "Example: bench --baseline --processing-guarantee exactly_once_v2 --rate 20000 --count 400000"})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--mode", defaultValue = "rate", paramLabel = "rate|max",
            description = "rate = latency at --rate; max = drain throughput over pre-produced records "
                    + "(default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = {"-t", "--topic"}, defaultValue = "observations",
            description = "Input topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--forecasts-topic", defaultValue = "forecasts",
            description = "Forecast topic read back (default: ${DEFAULT-VALUE}).")
    String forecastsTopic;

    @Option(names = "--dlq-topic", defaultValue = "observations-dlq",
            description = "Dead-letter topic read back (default: ${DEFAULT-VALUE}).")
    String dlqTopic;

    @Option(names = {"-r", "--rate"}, defaultValue = "10000",
            description = "Records per second in rate mode; 0 = unlimited. Max mode always pre-produces unlimited "
                    + "(default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = {"-n", "--count"}, defaultValue = "100000",
            description = "Records to send; 0 = until --duration. Given --duration without --count, the count is "
                    + "unlimited (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = {"-d", "--duration"}, defaultValue = "0s", paramLabel = "DURATION",
            description = "Stop producing after this long; 0s = no limit (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", paramLabel = "DURATION",
            description = "Rate mode: records sent in the first DURATION are left out of the latency figures and "
                    + "throughput counts from then. Max mode: throughput counts from DURATION after the first output "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--tail-timeout", defaultValue = "30s", paramLabel = "DURATION",
            description = "After producing, stop waiting for outstanding forecasts and dead letters when none has "
                    + "arrived for this long (default: ${DEFAULT-VALUE}).")
    Duration tailTimeout;

    @Option(names = "--settle", defaultValue = "1s", paramLabel = "DURATION",
            description = "Keep reading this long after everything expected arrived, to catch duplicates "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--start-timeout", defaultValue = "300s", paramLabel = "DURATION",
            description = "Max mode: how long to wait for the app's first output after pre-producing "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration startTimeout;

    @Option(names = "--start", defaultValue = "now", paramLabel = "INSTANT|now",
            description = "Event time of the first synthetic reading; 'now' = the current minute, or the minute "
                    + "after the latest event already on --topic if that is later (a run's event time runs ahead of "
                    + "the clock, and a forecaster that saw it refuses older timestamps) (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--baseline", defaultValue = "false",
            description = "Bench the in-process baseline app (parse, RocksDB get/put, one JSON out per input) instead "
                    + "of an outside forecaster; give it its own topics if a forecaster also reads --topic "
                    + "(default: ${DEFAULT-VALUE}).")
    boolean baseline;

    @Option(names = "--compare-baseline", defaultValue = "false",
            description = "After benching the outside app, bench the in-process baseline with the same load on topics "
                    + "named with --baseline-topic-suffix, and add its result and the app/baseline ratios "
                    + "(default: ${DEFAULT-VALUE}).")
    boolean compareBaseline;

    @Option(names = "--baseline-topic-suffix", defaultValue = ".baseline",
            description = "Appended to the three topic names for the baseline part of --compare-baseline "
                    + "(default: ${DEFAULT-VALUE}).")
    String baselineTopicSuffix;

    @Option(names = "--processing-guarantee", defaultValue = "at_least_once",
            paramLabel = "at_least_once|exactly_once_v2",
            description = "The baseline's processing.guarantee (default: ${DEFAULT-VALUE}).")
    String processingGuarantee;

    @Option(names = "--baseline-app-id", defaultValue = "loadgen-baseline",
            description = "Prefix of the baseline's application.id; each run appends a unique suffix so it starts "
                    + "with empty state (default: ${DEFAULT-VALUE}).")
    String baselineAppId;

    @Option(names = "--baseline-threads", defaultValue = "1",
            description = "The baseline's num.stream.threads (default: ${DEFAULT-VALUE}).")
    int baselineThreads;

    @Option(names = "--baseline-max-value-bytes", defaultValue = "65536",
            description = "The baseline rejects larger values as too_large (default: ${DEFAULT-VALUE}).")
    int baselineMaxValueBytes;

    @Option(names = "--keep-baseline-topics", defaultValue = "false",
            description = "Keep the baseline's consumer group and internal topics after the run "
                    + "(default: ${DEFAULT-VALUE}).")
    boolean keepBaselineTopics;

    @Option(names = "--progress-interval", defaultValue = "1s", paramLabel = "DURATION",
            description = "How often the progress line on stderr is refreshed (default: ${DEFAULT-VALUE}).")
    Duration progressInterval;

    @Option(names = {"-q", "--quiet"}, defaultValue = "false",
            description = "No progress line (default: ${DEFAULT-VALUE}).")
    boolean quiet;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream log = System.err;
        load.validate();
        BenchSettings.Mode m = BenchSettings.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        if (!List.of("at_least_once", "exactly_once_v2").contains(processingGuarantee)) {
            throw new IllegalArgumentException("--processing-guarantee must be at_least_once or exactly_once_v2");
        }
        if (baseline && compareBaseline) {
            throw new IllegalArgumentException("--baseline and --compare-baseline exclude each other");
        }
        // --duration alone means "for this long", not "the default count or this long, whichever comes first".
        long n = !duration.isZero() && !spec.commandLine().getParseResult().hasMatchedOption("--count") ? 0 : count;
        if (n == 0 && duration.isZero() && !load.source().isReplay()) {
            throw new IllegalArgumentException("bench needs --count or --duration");
        }
        Instant startAt = load.source().resolveStart(start, load.client(), topic, log);
        try {
            return runAll(m, n, startAt, log);
        } finally {
            done.countDown();
        }
    }

    private int runAll(BenchSettings.Mode m, long n, Instant startAt, PrintStream log) throws Exception {
        BenchResult app = runOnce(m, n, startAt, baseline, "", log);
        if (!compareBaseline || Boolean.TRUE.equals(app.get("aborted"))) {
            print(app);
            return exitCode(app);
        }
        log.println("now the same load against the in-process baseline, on topics suffixed " + baselineTopicSuffix);
        BenchResult base = runOnce(m, n, startAt, true, baselineTopicSuffix, log);
        app.put("baseline", base.fields());
        app.put("ratio_to_baseline", ratios(app, base));
        print(app);
        return Math.max(exitCode(app), exitCode(base));
    }

    /** Counted down once the result is printed, so a Ctrl-C hook lets the JVM exit only after that. */
    private final CountDownLatch done = new CountDownLatch(1);

    private BenchResult runOnce(BenchSettings.Mode m, long n, Instant startAt, boolean useBaseline, String suffix,
                                PrintStream log) throws Exception {
        String in = topic + suffix;
        String fc = forecastsTopic + suffix;
        String dl = dlqTopic + suffix;
        BaselineSettings base = useBaseline ? new BaselineSettings(
                baselineAppId + "-" + Long.toString(System.currentTimeMillis(), 36), in, fc, dl,
                processingGuarantee, baselineThreads, baselineMaxValueBytes) : null;
        BenchSettings settings = new BenchSettings(in, fc, dl, m, warmup, tailTimeout, settle, startTimeout, base);
        load.ensureTopics(List.of(in, fc, dl), log);
        ProduceLoop.Limits limits = new ProduceLoop.Limits(m == BenchSettings.Mode.MAX ? 0 : rate, n,
                duration.toNanos());
        log.println("bench (" + m.name().toLowerCase(Locale.ROOT) + " mode) against "
                + (useBaseline ? "the in-process baseline" : "the app reading " + in) + " at " + load.client().describe());
        Load.Factory factory = listener -> {
            LoadOptions.Assembly a = load.assemble(in, startAt, limits, listener, "load-generator-bench", log);
            return new Load(a.source(), a.loop(), a.stats(), a);
        };
        BenchRunner runner = new BenchRunner(settings, load.client(), log, progressInterval.toMillis(), !quiet,
                keepBaselineTopics);
        // Ctrl-C: stop producing and waiting, still print the result and clean up the baseline.
        Thread hook = new Thread(() -> {
            runner.abort();
            try {
                done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        BenchResult r;
        try {
            r = runner.run(factory);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the result below
            }
        }

        r.put("topic", in).put("keys", load.source().isReplay() ? null : load.source().keys)
                .put("rate_target_per_s", m == BenchSettings.Mode.MAX ? 0.0 : rate);
        return r;
    }

    /** app / baseline for throughput and latency percentiles: the forecaster's cost relative to bare plumbing. */
    private static Map<String, Object> ratios(BenchResult app, BenchResult base) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("throughput", divide(app.get("throughput_per_s"), base.get("throughput_per_s")));
        Map<?, ?> a = (Map<?, ?>) app.get("latency_ms");
        Map<?, ?> b = (Map<?, ?>) base.get("latency_ms");
        for (String p : List.of("p50", "p99", "max")) {
            r.put("latency_" + p, divide(a.get(p), b.get(p)));
        }
        return r;
    }

    private static Double divide(Object x, Object y) {
        double d = ((Number) y).doubleValue();
        return d == 0 ? Double.NaN : ((Number) x).doubleValue() / d;
    }

    private void print(BenchResult r) {
        spec.commandLine().getOut().println(r.json());
        spec.commandLine().getOut().flush();
    }

    private static int exitCode(BenchResult r) {
        if (Boolean.TRUE.equals(r.get("aborted"))) {
            return 130;
        }
        return Boolean.TRUE.equals(r.get("all_outputs_accounted")) ? 0 : 3;
    }
}
