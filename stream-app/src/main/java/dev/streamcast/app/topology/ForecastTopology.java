package dev.streamcast.app.topology;

import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.rate.TokenBucket;
import dev.streamcast.app.state.SeriesStateSerde;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The one place the forecaster's topology is built; {@code run}, {@code backtest} and the tests all call
 * {@link #build}.
 *
 * <pre>
 * observations ──► forecast (series-state[-busy], latest-forecasts)
 *                        ├──► forecasts
 *                        ├──► observations-dlq
 *                        └──► training samples ──► trainer (outside)
 * models ──► global models store ──► ModelRegistry (hot swap, read by forecast)
 * </pre>
 */
public final class ForecastTopology {

    /** Series states, uncached: the home of series with fewer events than commits (see {@link BusySeries}). */
    public static final String SERIES_STORE = "series-state";
    /** Series states of busy series, cached. A series is in exactly one of the two stores. */
    public static final String BUSY_SERIES_STORE = "series-state-busy";
    public static final String LATEST_STORE = "latest-forecasts";
    public static final String MODELS_STORE = "models-store";
    public static final String MODEL_VERSION_HEADER = "model.version";

    /** Series per partition whose latest forecast /series/{id} can show (least recently updated ones drop out). */
    static final int LATEST_PER_TASK = 250_000;

    static final String SOURCE = "observations-source";
    static final String PROCESSOR = "forecast";
    static final String FORECASTS_SINK = "forecasts-sink";
    static final String DLQ_SINK = "dlq-sink";
    static final String SAMPLES_SINK = "samples-sink";

    private ForecastTopology() {
    }

    /** The topology with every training window sent (backtests and tests: deterministic). */
    public static Topology build(TopologySettings settings, ModelRegistry registry, AppMetrics metrics) {
        return build(settings, registry, metrics, TokenBucket.unlimited(), DecodedStateBudget.of(4096));
    }

    /**
     * {@code samples} bounds the training windows sent to the trainer: it keeps only its latest
     * {@code retrain.reservoir} windows, so sending every window of every busy series only loaded the broker and
     * the stream thread (a 1,000-series replay sent more windows than forecasts, a quarter of the throughput).
     * {@code decoded} bounds the series states kept decoded in memory across this instance's tasks.
     */
    public static Topology build(TopologySettings settings, ModelRegistry registry, AppMetrics metrics,
                                 TokenBucket samples, DecodedStateBudget decoded) {
        Topology t = new Topology();
        t.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), settings.observationsTopic());
        t.addProcessor(PROCESSOR, () -> new ForecastProcessor(settings, registry, metrics, samples, decoded), SOURCE);
        // Two homes for series states (BusySeries picks one): a busy series' state reaches RocksDB and the
        // changelog once per commit through the record cache; a quiet series' goes straight through, since the
        // cache would fold nothing for it and its bookkeeping cost 5-13% of the throughput with 100,000 series.
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUSY_SERIES_STORE),
                Serdes.String(), new SeriesStateSerde()).withCachingEnabled(), PROCESSOR);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SERIES_STORE),
                Serdes.String(), new SeriesStateSerde()).withCachingDisabled(), PROCESSOR);
        // The latest forecast only serves /series/{id}: kept in memory without a changelog, because writing ~700
        // bytes more to Kafka and RocksDB per event cost throughput; after a restart or a move it is empty for a
        // series until that series' next event (the state summary is always there). A hashed LRU map, not the
        // sorted in-memory store: with 100,000 series its byte-wise key comparisons showed in the profile.
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.lruMap(LATEST_STORE, LATEST_PER_TASK),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled(), PROCESSOR);
        t.addSink(FORECASTS_SINK, settings.forecastsTopic(), new ByteArraySerializer(), new ByteArraySerializer(),
                PROCESSOR);
        t.addSink(DLQ_SINK, settings.deadLetterTopic(), new ByteArraySerializer(), new ByteArraySerializer(),
                PROCESSOR);
        t.addSink(SAMPLES_SINK, settings.samplesTopic(), new ByteArraySerializer(), new ByteArraySerializer(),
                PROCESSOR);
        t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MODELS_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                "models-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), settings.modelsTopic(),
                "models-update", () -> new ModelUpdateProcessor(settings.modelName(), registry, metrics));
        return t;
    }

}
