package dev.streamcast.app.topology;

import dev.streamcast.app.forecast.Forecast;
import dev.streamcast.app.forecast.SeriesForecaster;
import dev.streamcast.app.forecast.TrainingSampleSink;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.model.ServingModel;
import dev.streamcast.app.rate.TokenBucket;
import dev.streamcast.app.record.ForecastJson;
import dev.streamcast.app.record.Observation;
import dev.streamcast.app.record.ObservationParser;
import dev.streamcast.app.record.RejectReason;
import dev.streamcast.app.record.Rejection;
import dev.streamcast.app.state.SeriesState;
import dev.streamcast.app.training.TrainingSample;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * One input record in, exactly one record out: a forecast to {@code forecasts}, or the original bytes to the
 * dead-letter topic. Accepted records advance the series' RNN by one step under the model serving at that moment.
 */
final class ForecastProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastProcessor.class);
    /** One event in this many is timed for the step histogram: recording every one cost 3% of the stream thread. */
    private static final int TIMED_EVERY_MASK = 7;

    private final TopologySettings settings;
    private final ModelRegistry registry;
    private final AppMetrics metrics;
    private final TokenBucket budget;
    private final ObservationParser parser;
    private final SeriesForecaster forecaster;
    private final ForecastJson json = new ForecastJson();
    private ProcessorContext<byte[], byte[]> context;
    /** Series with few events per commit interval: uncached, every update written through (see BusySeries). */
    private KeyValueStore<String, SeriesState> states;
    /** Busy series: cached, so their updates between two commits fold into one write. */
    private KeyValueStore<String, SeriesState> busyStates;
    private BusySeries busySeries;
    private OutputLimits limits;
    /** Whether the last {@link #storedState} found a state it could not read. */
    private boolean unreadable;
    private KeyValueStore<String, byte[]> latest;
    private Record<byte[], byte[]> current;
    /** Bound once: an object written in process() would be a new one for every event. */
    private final TrainingSampleSink samples = new TrainingSampleSink() {
        @Override
        public boolean reserve() {
            return budget.tryTake();
        }

        @Override
        public void accept(String series, long ts, double[] window, double target) {
            emitSample(ts, window, target);
        }
    };
    private final RecentStates recent;
    private int events;

    ForecastProcessor(TopologySettings settings, ModelRegistry registry, AppMetrics metrics, TokenBucket budget,
                      DecodedStateBudget decoded) {
        this.budget = budget;
        this.recent = new RecentStates(decoded);
        this.settings = settings;
        this.registry = registry;
        this.metrics = metrics;
        this.parser = new ObservationParser(settings.maxValueBytes());
        this.forecaster = new SeriesForecaster(settings.forecast());
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.states = context.getStateStore(ForecastTopology.SERIES_STORE);
        this.busyStates = context.getStateStore(ForecastTopology.BUSY_SERIES_STORE);
        this.busySeries = BusySeries.of(context.appConfigs());
        this.limits = OutputLimits.of(context.appConfigs());
        this.latest = context.getStateStore(ForecastTopology.LATEST_STORE);
        recent.open();
    }

    @Override
    public void close() {
        recent.close();
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        boolean timed = (++events & TIMED_EVERY_MASK) == 0;
        long start = timed ? System.nanoTime() : 0L;
        Observation o;
        try {
            o = parser.parse(record.key(), record.value());
        } catch (Rejection r) {
            deadLetter(record, r.reason(), r.getMessage());
            return;
        }
        try {
            RecentStates.Entry kept = recent.get(o.series());
            SeriesState st;
            boolean busy;
            boolean stored;
            if (kept != null) {
                st = kept.state;
                busy = kept.busy();
                stored = true;
            } else {
                // An unreadable state counts as stored where it was found, so the new one replaces it there.
                st = storedState(busyStates, o.series());
                busy = st != null || unreadable;
                if (!busy) {
                    st = storedState(states, o.series());
                }
                stored = st != null || unreadable;
            }
            if (st != null && o.ts() < st.lastTs) {
                deadLetter(record, RejectReason.OUT_OF_ORDER,
                        "ts " + o.ts() + " is before the series' last accepted ts " + st.lastTs);
                return;
            }
            if (st != null && o.ts() == st.lastTs) {
                deadLetter(record, RejectReason.DUPLICATE, "the series already has a point at ts " + o.ts());
                return;
            }
            if (st == null && o.gap()) {
                deadLetter(record, RejectReason.MISSING_FIELD,
                        "\"value\" is null (a gap) but the series has no earlier value to fill it from");
                return;
            }
            ServingModel model = registry.current();
            if (st == null) {
                st = forecaster.newState(model);
            }
            current = record;
            Forecast f = forecaster.apply(st, o, model, samples);
            if (timed && !Double.isNaN(forecaster.lastScoredError())) {
                metrics.oneStepError(forecaster.lastScoredError());
            }
            long now = context.currentSystemTimeMs();
            boolean nowBusy = kept == null ? busy : kept.seenAgain(now, busySeries);
            write(o.series(), st, nowBusy, stored && busy != nowBusy);
            if (kept == null) {
                recent.put(o.series(), new RecentStates.Entry(st, nowBusy, now));
            }
            byte[] out = json.write(f);
            latest.put(o.series(), out);
            Headers headers = OutputLimits.forecastHeaders(record.headers());
            headers.add(ForecastTopology.MODEL_VERSION_HEADER,
                    Integer.toString(f.modelVersion()).getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(record.key(), out, record.timestamp(), headers),
                    ForecastTopology.FORECASTS_SINK);
            metrics.accepted(f.imputed());
            metrics.filled(forecaster.lastFilled());
            if (timed) {
                metrics.stepNanos(System.nanoTime() - start);
            }
        } catch (ProcessorStateException | InvalidStateStoreException | TaskMigratedException
                 | TaskCorruptedException e) {
            // A state store failed or the task moved, not this event: the task fails (a failed thread is replaced,
            // see StreamFailurePolicy) and under exactly-once its transaction is aborted, so a half-written update (a
            // move's new copy written, the old one not yet deleted) is never committed, and the event is processed
            // again after the restore. Dead-lettering it would commit that half and, with a full disk, every event.
            // (Other Kafka failures, such as an earlier send's surfacing here, stay with the catch below.)
            recent.forget(o.series());
            throw e;
        } catch (RuntimeException e) {
            // A bug must not stop the application or lose the record: it goes to the dead-letter topic, loudly.
            recent.forget(o.series()); // it may hold a half-applied update that the store never got
            LOG.error("processing failed for series {}; record sent to the dead-letter topic", o.series(), e);
            metrics.internalError();
            deadLetter(record, RejectReason.MALFORMED, "internal error while processing: " + e);
        } finally {
            current = null;
        }
    }

    /**
     * Writes the state to the store it belongs in; when it moved, the new place is written before the old one is
     * deleted, so a reader that looks in the old place, then the new one, never finds neither.
     */
    private void write(String series, SeriesState st, boolean busy, boolean moved) {
        (busy ? busyStates : states).put(series, st);
        if (moved) {
            (busy ? states : busyStates).delete(series);
            metrics.seriesMoved(busy);
        }
    }

    /**
     * The series' state in {@code store}, or null when there is none or it cannot be read (then {@link #unreadable}
     * is set): a state written by an older version's method (another format) or damaged. Such a series starts again
     * from this event, with a warning, rather than sending every later event of it to the dead-letter topic.
     */
    private SeriesState storedState(KeyValueStore<String, SeriesState> store, String series) {
        unreadable = false;
        try {
            return store.get(series);
        } catch (SerializationException e) {
            unreadable = true;
            metrics.stateRestarted();
            LOG.warn("series {}: its stored state is unreadable ({}); the series starts again from this event", series,
                    e.getMessage());
            return null;
        }
    }

    private void emitSample(long ts, double[] window, double target) {
        context.forward(new Record<>(current.key(), TrainingSample.encode(ts, window, target), current.timestamp()),
                ForecastTopology.SAMPLES_SINK);
    }

    private void deadLetter(Record<byte[], byte[]> record, RejectReason reason, String message) {
        metrics.deadLetter(reason);
        context.forward(limits.deadLetter(record, reason, message, context.recordMetadata()),
                ForecastTopology.DLQ_SINK);
    }
}
