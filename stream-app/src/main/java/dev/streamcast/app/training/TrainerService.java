package dev.streamcast.app.training;

import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The retrainer of a running application. Every instance runs one, but the training-samples topic has a single
 * partition and all trainers share one consumer group, so Kafka itself makes exactly one of them active and moves the
 * role to another instance when that one dies. Training runs on its own worker thread, never on a stream thread and
 * never on the polling thread, so neither the group membership nor stream processing stalls while a model fits.
 */
public final class TrainerService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerService.class);

    private final Trainer trainer;
    private final TrainerSettings settings;
    private final ModelRegistry registry;
    private final AppMetrics metrics;
    private final String samplesTopic;
    private final String modelsTopic;
    private final String modelName;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, String> producer;
    private final SampleWindow window;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread(); // stream threads come first on a busy machine
            r.run();
        }, "streamcast-trainer-worker");
        t.setDaemon(true);
        return t;
    });
    private final Thread poller;
    private volatile boolean running = true;
    private volatile boolean active;
    private volatile int published;
    private Future<?> inFlight;
    private long lastTrainingEnd;

    public TrainerService(Map<String, Object> clientProps, String applicationId, String samplesTopic,
                          String modelsTopic, String modelName, Trainer trainer, TrainerSettings settings,
                          ModelRegistry registry, AppMetrics metrics) {
        this.trainer = trainer;
        this.settings = settings;
        this.registry = registry;
        this.metrics = metrics;
        this.samplesTopic = samplesTopic;
        this.modelsTopic = modelsTopic;
        this.modelName = modelName;
        this.window = new SampleWindow(settings);
        Properties c = new Properties();
        c.putAll(clientProps);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-trainer");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationId + "-trainer");
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-model-publisher");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.poller = new Thread(this::pollLoop, "streamcast-trainer");
    }

    public void start() {
        poller.start();
    }

    private void pollLoop() {
        BackgroundPriority.lowerCurrentThread();
        try {
            consumer.subscribe(List.of(samplesTopic), new Rebuild());
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        window.add(TrainingSample.decode(r.key(), r.value()));
                    } catch (RuntimeException e) {
                        LOG.warn("skipping unreadable training sample at offset {}: {}", r.offset(), e.getMessage());
                    }
                }
                maybeTrain();
            }
        } catch (WakeupException stopping) {
            // close() woke us
        } catch (RuntimeException e) {
            LOG.error("trainer stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void maybeTrain() {
        if (inFlight != null && !inFlight.isDone()) {
            return;
        }
        if (!window.due() || System.currentTimeMillis() - lastTrainingEnd < settings.minIntervalMs()) {
            return;
        }
        List<TrainingSample> snapshot = window.snapshotAndReset();
        inFlight = worker.submit(() -> trainAndPublish(snapshot));
    }

    private void trainAndPublish(List<TrainingSample> samples) {
        long start = System.nanoTime();
        try {
            Trainer.Outcome o = trainer.train(samples, registry.current(), modelName);
            long took = System.nanoTime() - start;
            metrics.trainingRun(took, o.candidateMse(), o.accepted());
            if (o.accepted() && !running) {
                LOG.info("shutting down: candidate from {} samples not published", o.samples());
            } else if (o.accepted()) {
                String json = o.candidate().toJson();
                producer.send(new ProducerRecord<>(modelsTopic, modelName, json)).get(30, TimeUnit.SECONDS);
                published++;
                LOG.info("published model version {} from {} samples in {} ms: {}",
                        o.candidate().metadata().get("version"), o.samples(), took / 1_000_000, o.reason());
            } else {
                LOG.info("candidate rejected after {} ms: {}", took / 1_000_000, o.reason());
            }
        } catch (Exception e) {
            LOG.error("training run failed: {}", e.toString(), e);
        } finally {
            lastTrainingEnd = System.currentTimeMillis();
        }
    }

    /** On (re)assignment, read back the latest {@code reservoir} samples so a new trainer starts informed. */
    private final class Rebuild implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            active = false;
            window.clear();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            active = true;
            LOG.info("this instance is now the trainer ({})", partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - settings.reservoir()));
            }
        }
    }

    /** Whether this instance currently holds the trainer role. */
    public boolean isActive() {
        return active;
    }

    /** Models this instance has published since it started. */
    public int publishedCount() {
        return published;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdown();
        try {
            // A training run in flight finishes its current step; it will not publish once running is false.
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

}
