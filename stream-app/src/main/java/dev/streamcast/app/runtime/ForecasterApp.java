package dev.streamcast.app.runtime;

import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.rate.TokenBucket;
import dev.streamcast.app.topology.ForecastTopology;
import dev.streamcast.app.training.Trainer;
import dev.streamcast.app.training.TrainerService;
import dev.streamcast.app.training.TrainerSettings;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * A running forecaster instance: topics ensured, the Kafka Streams topology started, the trainer candidate
 * started when retraining is on. {@link #close()} stops everything in reverse order.
 */
public final class ForecasterApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ForecasterApp.class);
    /** The record cache (statestore.cache.max.bytes) unless the user sets it or the heap is small: see streamsProps. */
    public static final long DEFAULT_RECORD_CACHE_BYTES = 64L << 20;
    /** Kafka settings the forecaster sets unless the user gives them (also listed by {@code run --help}). */
    public static final Map<String, Object> KAFKA_DEFAULTS = kafkaDefaults();

    private static Map<String, Object> kafkaDefaults() {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        // Each task reads one partition (models come through a global store), so there are no partitions to align;
        // yet with the default max.task.idle.ms (0) Kafka Streams formats log strings on every check of a task whose
        // buffer ran empty (String.format in PartitionGroup.readyToProcess: 4-5% of the stream thread under JFR).
        d.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // Each event writes a forecast (~550 B of JSON) and, once per commit, its state (~2 KB) to Kafka: bigger,
        // compressed batches carry that with fewer requests (bench --mode max, 1,000 keys, EOS: 24,100/s with the
        // producer defaults, 34,900/s with these, before later work). Kafka Streams lingers 100 ms by default; 5 ms
        // kept the throughput (60,000/s against 59,200/s at 10 ms) and took at_least_once p99 at 31,000/s from
        // 65 ms to 43 ms (exactly_once_v2: 393 ms to 301 ms). User producer.* settings win.
        d.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 262_144);
        d.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        d.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        return java.util.Collections.unmodifiableMap(d);
    }

    private final AppConfig config;
    private final ModelRegistry registry;
    private final AppMetrics metrics;
    private KafkaStreams streams;
    private TrainerService trainer;
    private KafkaStreamsMetrics streamsMetrics;
    private volatile boolean closing;
    private final CompletableFuture<KafkaStreams.State> stopped = new CompletableFuture<>();

    public ForecasterApp(AppConfig config, ModelRegistry registry, AppMetrics metrics) {
        this.config = config;
        this.registry = registry;
        this.metrics = metrics;
    }

    public void start() {
        // The forecaster's settings and Kafka Streams' are checked before the cluster is asked anything, so a wrong
        // value (forecast.horizon=abc, processing.guarantee=exactly_once) is reported at once, not after the wait
        // for a cluster that may not answer.
        Properties props = streamsProps(config.kafkaClientProps());
        new StreamsConfig(props, false) { };
        Topology topology = ForecastTopology.build(config.topology(), registry, metrics, sampleBudget(),
                config.decodedStates());
        TrainerSettings training = config.trainer();
        TopicSetup.ensure(config);
        streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(new StreamFailurePolicy());
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR
                    || now == KafkaStreams.State.NOT_RUNNING && !closing) {
                stopped.complete(now);
            }
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        streams.start();
        if (config.getBoolean("retrain.enabled")) {
            trainer = new TrainerService(config.plainClientProps(), config.get("application.id"),
                    config.get("topic.training"), config.get("topic.models"), config.get("model.name"),
                    new Trainer(training, config.getInt("forecast.window")), training, registry,
                    metrics);
            trainer.start();
        }
    }

    /** Training windows per second, after a first burst of 5 s' worth (or enough for the first training). */
    private TokenBucket sampleBudget() {
        double rate = config.getDouble("retrain.sample.rate");
        return TokenBucket.of(rate, Math.max(5 * rate, config.getInt("retrain.min.samples")));
    }

    Properties streamsProps(Map<String, Object> clients) {
        Properties p = new Properties();
        p.putAll(clients);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get("application.id"));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get("processing.guarantee"));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt("num.stream.threads"));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.getInt("num.standby.replicas"));
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.get("state.dir"));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt("topic.replication"));
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG,
                config.get("http.advertised.host") + ":" + config.getInt("http.port"));
        p.putIfAbsent("processing.exception.handler.global.enabled", "true");
        // Kafka Streams' partition assignor reads its settings again from the main consumer's, which lack this one,
        // and warned at every start that the global thread had no processing exception handler.
        p.putIfAbsent(StreamsConfig.mainConsumerPrefix("processing.exception.handler.global.enabled"), "true");
        KAFKA_DEFAULTS.forEach(p::putIfAbsent);
        p.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
        // The record cache folds a busy series' state writes between two commits into one. Once the busy series'
        // states outgrow it, nearly every event evicts one to RocksDB and the changelog: 1,000 half-hourly series
        // (12 KB states) ran at 21,000 events/s with Kafka Streams' 10 MB and 43,600/s with 32 MB. So 64 MB, at
        // most an eighth of the heap; a user's setting wins.
        if (!p.containsKey(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)
                && !p.containsKey("cache.max.bytes.buffering")) {
            p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, recordCacheBytes(Runtime.getRuntime().maxMemory()));
        }
        p.put(BoundedMemoryRocksDbConfig.CACHE_BYTES, config.get(BoundedMemoryRocksDbConfig.CACHE_BYTES));
        p.put(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES, config.get(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES));
        p.put(BoundedMemoryRocksDbConfig.MEMTABLE_BYTES, config.get(BoundedMemoryRocksDbConfig.MEMTABLE_BYTES));
        return p;
    }

    /** The record cache's default size for a heap of {@code maxHeap} bytes. */
    static long recordCacheBytes(long maxHeap) {
        return Math.min(DEFAULT_RECORD_CACHE_BYTES, maxHeap / 8);
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The trainer service, or null when retraining is off. */
    public TrainerService trainer() {
        return trainer;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public AppConfig config() {
        return config;
    }

    public boolean isRunning() {
        return streams != null && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Completes when Kafka Streams stops on its own (a fatal error), not through {@link #close()}. */
    public CompletableFuture<KafkaStreams.State> stoppedOnItsOwn() {
        return stopped;
    }

    @Override
    public void close() {
        closing = true;
        if (trainer != null) {
            trainer.close();
        }
        if (streams != null) {
            // Leave the group on a clean stop, so the partitions move to the other instances at once instead of
            // after the session timeout (45 s), which is what a rolling restart wants.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        LOG.info("forecaster stopped");
    }
}
