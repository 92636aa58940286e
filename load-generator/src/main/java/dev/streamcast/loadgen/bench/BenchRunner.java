package dev.streamcast.loadgen.bench;

import dev.streamcast.loadgen.produce.ClientSettings;
import dev.streamcast.loadgen.produce.ProduceStats;
import dev.streamcast.loadgen.produce.ProgressLine;
import dev.streamcast.loadgen.produce.SendListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One bench run. Rate mode: position the reader at the output topics' ends, start the app (baseline only), produce
 * at the set rate while matching outputs, wait for the tail. Max mode: produce everything first, then start the app
 * (the baseline; an outside app must be started by the user when told) and time the drain from its first to its
 * last output.
 */
public final class BenchRunner {

    private final BenchSettings settings;
    private final ClientSettings client;
    private final PrintStream log;
    private final long progressMillis;
    private final boolean progress;
    private final boolean keepBaseline;
    private volatile boolean aborted;
    private volatile Load current;

    public BenchRunner(BenchSettings settings, ClientSettings client, PrintStream log, long progressMillis,
                       boolean progress, boolean keepBaseline) {
        this.settings = settings;
        this.client = client;
        this.log = log;
        this.progressMillis = progressMillis;
        this.progress = progress;
        this.keepBaseline = keepBaseline;
    }

    /** Ends the run early (Ctrl-C): stops producing, stops waiting; {@link #run} still returns a result. */
    public void abort() {
        aborted = true;
        Load l = current;
        if (l != null) {
            l.loop().stop();
        }
    }

    public BenchResult run(Load.Factory factory) throws Exception {
        SentIndex index = new SentIndex(1 << 16);
        AtomicLong failedExpected = new AtomicLong();
        AtomicLong failedInvalid = new AtomicLong();
        AtomicLong lastEventTs = new AtomicLong(Long.MIN_VALUE);
        SendListener listener = new SendListener() {
            @Override
            public void sending(int series, long ts, boolean expectForecast, long nanos) {
                if (expectForecast) {
                    index.put(series, ts, nanos);
                    if (ts > lastEventTs.get()) {
                        lastEventTs.lazySet(ts);
                    }
                }
            }

            @Override
            public void failed(int series, long ts, boolean expectForecast) {
                if (expectForecast) {
                    index.markFailed(series, ts);
                    failedExpected.incrementAndGet();
                } else {
                    failedInvalid.incrementAndGet();
                }
            }
        };
        Load load = factory.create(listener);
        current = load;
        if (aborted) {
            load.loop().stop();
        }
        AutoCloseable resources = load.resources();
        try (resources;
             BaselineLifecycle baseline = settings.baseline() == null ? null
                     : new BaselineLifecycle(settings.baseline(), client, keepBaseline)) {
            OutputReader reader = new OutputReader(new KafkaConsumer<>(consumerConfig()), settings.forecastsTopic(),
                    settings.dlqTopic(), load.source(), index);
            reader.positionAtEnd();
            Thread readerThread = new Thread(reader, "bench-output-reader");
            readerThread.start();
            Expectation expect = new Expectation(load.stats(), reader, failedExpected, failedInvalid);
            Phases phases = new Phases();
            long benchStart = System.nanoTime();
            try (ProgressLine line = new ProgressLine(log, () -> progressText(phases.phase,
                    (System.nanoTime() - benchStart) / 1e9, load.stats(), reader, expect), progressMillis, progress)) {
                phases.line = line;
                phases.run(load, reader, baseline, expect);
            } finally {
                reader.stop();
                readerThread.join(30_000);
            }
            if (reader.failure() != null) {
                throw new IllegalStateException("reading the output topics failed", reader.failure());
            }
            BenchResult r = result(load.stats(), reader, index.counts(), expect, phases);
            if (reader.validDeadLettered() > 0) {
                r.put("valid_dead_lettered", reader.validDeadLettered());
                r.put("valid_dead_lettered_examples", String.join(" | ", reader.validDeadLetteredExamples()));
                // The usual cause: a forecaster that saw a run with later timestamps (a fixed --start, another
                // topic) keeps each series' last ts.
                if (reader.validDeadLetteredExamples().stream()
                        .anyMatch(x -> x.contains("out_of_order") || x.contains("duplicate"))) {
                    r.put("hint", "the forecaster saw these series' timestamps, or later ones, before (an earlier "
                            + "run): give --start a time after that run's last_event_ts");
                }
            }
            List<long[]> missing = index.missing(5);
            if (!missing.isEmpty()) {
                r.put("missing_examples", String.join(" ", missing.stream()
                        .map(m -> load.source().key((int) m[0]) + "@" + java.time.Instant.ofEpochMilli(m[1])).toList()));
            }
            if (lastEventTs.get() != Long.MIN_VALUE) {
                r.put("last_event_ts", java.time.Instant.ofEpochMilli(lastEventTs.get()).toString());
            }
            return r;
        }
    }

    /** What has to come back, given what was sent so far. */
    private record Expectation(ProduceStats stats, OutputReader reader, AtomicLong failedExpected,
                               AtomicLong failedInvalid) {
        long forecasts() {
            return stats.expectedForecasts() - failedExpected.get();
        }

        long deadLetters() {
            return stats.sent() - stats.expectedForecasts() - failedInvalid.get();
        }

        boolean complete() {
            return reader.matched() >= forecasts() && reader.dlq() >= deadLetters();
        }
    }

    /** The timeline of a run, kept for the result. */
    private final class Phases {
        long produceStart;
        long produceEnd;
        boolean overlapped;
        boolean timedOut;
        volatile String phase = "starting";
        ProgressLine line;

        private void say(String message) {
            line.message(message);
        }

        void run(Load load, OutputReader reader, BaselineLifecycle baseline, Expectation expect) throws Exception {
            boolean max = settings.mode() == BenchSettings.Mode.MAX;
            if (baseline != null) {
                baseline.commitStartOffsets();
                if (!max) {
                    say("starting the baseline app (" + settings.baseline().processingGuarantee() + ")");
                    baseline.start();
                }
            }
            phase = max ? "pre-producing" : "producing";
            produceStart = System.nanoTime();
            if (!max) {
                reader.latencyFrom(produceStart + settings.warmup().toNanos());
                reader.throughputFrom(produceStart + settings.warmup().toNanos());
            }
            say(max ? "pre-producing the load" : "producing at the set rate while reading outputs");
            load.loop().run();
            produceEnd = load.stats().endNanos();
            if (max) {
                overlapped = reader.outputs() > 0;
                if (overlapped) {
                    say("warning: outputs arrived while pre-producing; the app under test was already "
                            + "running, so the drain figure is bounded by the generator");
                }
                if (baseline != null) {
                    say("starting the baseline app (" + settings.baseline().processingGuarantee() + ")");
                    baseline.start();
                } else if (!overlapped) {
                    say("pre-produced " + load.stats().sent() + " records: start the app under test now "
                            + "(waiting up to " + settings.startTimeout().toSeconds() + " s for its first output)");
                }
                phase = "waiting for the app";
                awaitFirstOutput(reader);
                phase = "draining";
                long first = reader.firstOutputNanos();
                reader.throughputFrom((first == 0 ? System.nanoTime() : first) + settings.warmup().toNanos());
            }
            if (!max) {
                phase = "tail";
            }
            timedOut = !awaitTail(reader, expect);
            phase = timedOut ? "timed out" : "settling";
            if (!timedOut && !aborted) {
                Thread.sleep(settings.settle().toMillis());
            }
        }

        private void awaitFirstOutput(OutputReader reader) throws InterruptedException {
            long deadline = System.nanoTime() + settings.startTimeout().toNanos();
            while (reader.outputs() == 0 && System.nanoTime() < deadline && !aborted) {
                Thread.sleep(20);
            }
        }

        /** True when everything expected arrived; false when the tail timeout passed without a new output. */
        private boolean awaitTail(OutputReader reader, Expectation expect) throws InterruptedException {
            long quietSince = System.nanoTime();
            long seen = reader.outputs();
            while (!expect.complete() && !aborted) {
                Thread.sleep(20);
                long now = System.nanoTime();
                if (reader.outputs() != seen) {
                    seen = reader.outputs();
                    quietSince = now;
                } else if (now - quietSince > settings.tailTimeout().toNanos()) {
                    return false;
                }
            }
            return true;
        }
    }

    private BenchResult result(ProduceStats stats, OutputReader reader, SentIndex.Counts counts, Expectation expect,
                               Phases phases) {
        boolean max = settings.mode() == BenchSettings.Mode.MAX;
        long first = reader.firstOutputNanos();
        long last = reader.lastOutputNanos();
        long from = max ? first : phases.produceStart;
        double seconds = last == 0 ? 0 : (last - from) / 1e9;
        long[] afterWarmup = reader.afterWarmup();
        double throughput;
        double span = last - (max ? first + settings.warmup().toNanos() : phases.produceStart + settings.warmup().toNanos());
        if (afterWarmup[0] > 0 && span > 0) {
            throughput = afterWarmup[0] / (span / 1e9);
        } else {
            throughput = seconds > 0 ? reader.outputs() / seconds : 0;
        }
        boolean exactlyOne = counts.missing() == 0 && counts.duplicates() == 0 && reader.unexpected() == 0
                && reader.unreadable() == 0 && stats.failed() == 0;
        long dlqExpected = expect.deadLetters();
        BenchResult r = new BenchResult()
                .put("mode", settings.mode().name().toLowerCase(Locale.ROOT))
                .put("app", settings.baseline() == null ? "external" : "baseline");
        if (settings.baseline() != null) {
            r.put("processing_guarantee", settings.baseline().processingGuarantee());
        }
        r.put("sent", stats.sent())
                .put("acked", stats.acked())
                .put("send_errors", stats.failed())
                .put("expected_forecasts", expect.forecasts())
                .put("forecasts", reader.forecasts())
                .put("dlq", reader.dlq())
                .put("dlq_expected", dlqExpected)
                .put("dlq_reasons", new LinkedHashMap<>(reader.dlqReasons()))
                .put("seconds", seconds)
                .put("throughput_per_s", throughput)
                .put("produce_seconds", (phases.produceEnd - phases.produceStart) / 1e9)
                .put("produce_rate_per_s", stats.sent() / Math.max(1e-9, (phases.produceEnd - phases.produceStart) / 1e9))
                .put("latency_ms", BenchResult.latency(reader.latencyMicros()))
                .put("exactly_one_forecast_per_accepted_event", exactlyOne)
                .put("missing", counts.missing())
                .put("duplicates", counts.duplicates())
                .put("unexpected", reader.unexpected())
                .put("unreadable", reader.unreadable())
                .put("all_outputs_accounted", exactlyOne && reader.dlq() == dlqExpected)
                .put("timed_out", phases.timedOut);
        if (aborted) {
            r.put("aborted", true);
        }
        if (max) {
            r.put("overlapped_with_produce", phases.overlapped);
        }
        return r;
    }

    private String progressText(String phase, double elapsed, ProduceStats stats, OutputReader reader,
                                Expectation expect) {
        return String.format(Locale.ROOT, "[%s] %6.1fs sent %,d acked %,d errors %,d | forecasts %,d of %,d dlq %,d of %,d",
                phase, elapsed, stats.sent(), stats.acked(), stats.failed(), reader.matched(), expect.forecasts(),
                reader.dlq(), expect.deadLetters());
    }

    private java.util.Properties consumerConfig() {
        return client.byteConsumer("load-generator-bench-reader", Map.of("isolation.level", "read_committed",
                "max.poll.records", "5000", "fetch.max.wait.ms", "50"));
    }
}
