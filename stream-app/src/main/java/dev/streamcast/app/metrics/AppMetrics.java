package dev.streamcast.app.metrics;

import dev.streamcast.app.record.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The forecaster's own metrics (Prometheus names {@code streamcast_*}); Kafka Streams' metrics are bound beside. */
public final class AppMetrics {

    private final PrometheusMeterRegistry registry;
    private final Counter accepted;
    private final Counter forecasts;
    private final Counter imputed;
    private final Counter filled;
    private final Counter internalErrors;
    private final Counter statesRestarted;
    private final Counter movedToBusy;
    private final Counter movedToQuiet;
    private final Map<RejectReason, Counter> deadLetters = new EnumMap<>(RejectReason.class);
    private final Timer step;
    private final DistributionSummary oneStepError;
    private final AtomicInteger servingVersion = new AtomicInteger();
    private final Counter modelsAdopted;
    private final Counter modelsRejected;
    private final Counter trainingRuns;
    private final Counter candidatesAccepted;
    private final Counter candidatesRejected;
    private final Timer trainingDuration;
    private final DistributionSummary holdoutMse;
    private final ModelTimeline modelTimeline = new ModelTimeline(50);
    private final long startedMillis = System.currentTimeMillis();

    /**
     * Kafka Streams names the metrics of every store type alike but tags them by type (rocksdb.state.id,
     * in.memory.lru.state.id), and Prometheus takes one set of tag keys per name: the in-memory latest-forecasts
     * store's were refused with a warning a minute after every start, and could have displaced the RocksDB stores'.
     */
    static final MeterFilter IN_MEMORY_STORE_METRICS = MeterFilter.deny(
            id -> id.getTags().stream().anyMatch(t -> t.getKey().startsWith("in.memory")));

    public AppMetrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(IN_MEMORY_STORE_METRICS);
        MeterRegistry r = registry;
        accepted = Counter.builder("streamcast.events.accepted").description("input records accepted").register(r);
        forecasts = Counter.builder("streamcast.forecasts").description("forecasts emitted").register(r);
        imputed = Counter.builder("streamcast.events.imputed").description("gaps filled by the model").register(r);
        filled = Counter.builder("streamcast.points.filled")
                .description("points a seasonal series skipped (its gap spanned them), filled on its own forecast")
                .register(r);
        internalErrors = Counter.builder("streamcast.errors.internal")
                .description("records dead-lettered because processing failed unexpectedly").register(r);
        statesRestarted = Counter.builder("streamcast.state.restarted")
                .description("series whose stored state could not be read (older format) and started again")
                .register(r);
        movedToBusy = Counter.builder("streamcast.state.moved").tag("to", "busy")
                .description("series states moved to the cached store (their events came within a commit interval)")
                .register(r);
        movedToQuiet = Counter.builder("streamcast.state.moved").tag("to", "quiet")
                .description("series states moved to the uncached store (events more than two commit intervals apart)")
                .register(r);
        for (RejectReason reason : RejectReason.values()) {
            deadLetters.put(reason, Counter.builder("streamcast.dlq").tag("reason", reason.code())
                    .description("input records sent to the dead-letter topic").register(r));
        }
        step = Timer.builder("streamcast.step")
                .description("time to process one accepted event (one event in 8 is timed)")
                .publishPercentiles(0.5, 0.99).register(r);
        oneStepError = DistributionSummary.builder("streamcast.onestep.error.scaled")
                .description("absolute one-step error in units of the series' scale (one scored event in 8)")
                .publishPercentiles(0.5, 0.9)
                .register(r);
        Gauge.builder("streamcast.model.version", servingVersion, AtomicInteger::get)
                .description("serving model version").register(r);
        modelsAdopted = Counter.builder("streamcast.model.swaps").description("model versions swapped in").register(r);
        modelsRejected = Counter.builder("streamcast.model.invalid")
                .description("model documents on the models topic that could not serve").register(r);
        trainingRuns = Counter.builder("streamcast.training.runs").description("training runs").register(r);
        candidatesAccepted = Counter.builder("streamcast.training.candidates").tag("outcome", "published")
                .description("trained candidates by gate outcome").register(r);
        candidatesRejected = Counter.builder("streamcast.training.candidates").tag("outcome", "rejected")
                .description("trained candidates by gate outcome").register(r);
        trainingDuration = Timer.builder("streamcast.training.duration").description("training run duration")
                .register(r);
        holdoutMse = DistributionSummary.builder("streamcast.training.holdout.mse")
                .description("hold-out MSE of the latest candidates (normalised units)").register(r);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    public void accepted(boolean wasImputed) {
        accepted.increment();
        forecasts.increment();
        if (wasImputed) {
            imputed.increment();
        }
    }

    public void filled(int points) {
        if (points > 0) {
            filled.increment(points);
        }
    }

    public void deadLetter(RejectReason reason) {
        deadLetters.get(reason).increment();
    }

    public void internalError() {
        internalErrors.increment();
    }

    public void stateRestarted() {
        statesRestarted.increment();
    }

    public void seriesMoved(boolean toBusy) {
        (toBusy ? movedToBusy : movedToQuiet).increment();
    }

    public void stepNanos(long nanos) {
        step.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void oneStepError(double scaledError) {
        oneStepError.record(scaledError);
    }

    public void servingVersion(int version) {
        servingVersion.set(version);
        modelsAdopted.increment();
        modelTimeline.adopted(version, System.currentTimeMillis());
    }

    public void invalidModel() {
        modelsRejected.increment();
    }

    public void trainingRun(long nanos, double candidateMse, boolean published) {
        trainingRuns.increment();
        trainingDuration.record(nanos, TimeUnit.NANOSECONDS);
        if (Double.isFinite(candidateMse)) {
            holdoutMse.record(candidateMse);
        }
        (published ? candidatesAccepted : candidatesRejected).increment();
    }

    /** One HTTP request answered, by route (a fixed small set) and status code. */
    public void httpRequest(String route, int status) {
        Counter.builder("streamcast.http.requests").tag("route", route).tag("status", Integer.toString(status))
                .description("HTTP requests answered").register(registry).increment();
    }

    /** Reports the Kafka Streams state of this instance as gauges (1 = current state), for alerting on readiness. */
    public void bindStreamsState(java.util.function.Supplier<String> state) {
        Gauge.builder("streamcast.ready", () -> "RUNNING".equals(state.get()) ? 1 : 0)
                .description("1 when Kafka Streams is RUNNING (queries and processing available)").register(registry);
    }

    /** Serving model versions adopted by this instance, oldest first, with the wall-clock time of adoption. */
    public List<ModelTimeline.Entry> modelTimeline() {
        return modelTimeline.entries();
    }

    /** A point-in-time copy of the forecasting meters, for the dashboard's JSON stats. */
    public MetricsSnapshot snapshot() {
        Map<String, Double> dlq = new java.util.TreeMap<>();
        deadLetters.forEach((reason, c) -> dlq.put(reason.code(), c.count()));
        var stepSnap = step.takeSnapshot();
        var errSnap = oneStepError.takeSnapshot();
        return new MetricsSnapshot(System.currentTimeMillis(), startedMillis, accepted.count(), forecasts.count(),
                imputed.count(), filled.count(), internalErrors.count(), dlq,
                percentile(stepSnap.percentileValues(), 0.5, TimeUnit.MILLISECONDS),
                percentile(stepSnap.percentileValues(), 0.99, TimeUnit.MILLISECONDS),
                errSnap.count() == 0 ? Double.NaN : errSnap.mean(),
                percentile(errSnap.percentileValues(), 0.5, null), percentile(errSnap.percentileValues(), 0.9, null),
                servingVersion.get(), trainingRuns.count(), candidatesAccepted.count(), candidatesRejected.count());
    }

    private static double percentile(io.micrometer.core.instrument.distribution.ValueAtPercentile[] values, double p,
                                     TimeUnit unit) {
        for (var v : values) {
            if (v.percentile() == p) {
                return unit == null ? v.value() : v.value(unit);
            }
        }
        return Double.NaN;
    }

    public double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
