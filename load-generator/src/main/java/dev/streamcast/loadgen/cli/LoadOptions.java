package dev.streamcast.loadgen.cli;

import dev.streamcast.loadgen.faults.FaultPlan;
import dev.streamcast.loadgen.produce.ClientSettings;
import dev.streamcast.loadgen.produce.DiscardingProducer;
import dev.streamcast.loadgen.produce.ProduceLoop;
import dev.streamcast.loadgen.produce.ProduceStats;
import dev.streamcast.loadgen.produce.RecordEncoder;
import dev.streamcast.loadgen.produce.SendListener;
import dev.streamcast.loadgen.produce.TopicSetup;
import dev.streamcast.loadgen.series.ObservationSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The option groups both commands share, and the assembly of a produce loop from them. */
public final class LoadOptions {

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Mixin
    TopicOptions topics = new TopicOptions();

    @Mixin
    SourceOptions source = new SourceOptions();

    @Mixin
    FaultOptions faults = new FaultOptions();

    @Mixin
    ProducerOptions producer = new ProducerOptions();

    /** A source, producer and loop wired together; close after the loop ran. */
    public record Assembly(ObservationSource source, Producer<byte[], byte[]> producer, ProduceLoop loop,
                           ProduceStats stats) implements AutoCloseable {
        @Override
        public void close() {
            producer.close(Duration.ofSeconds(30));
        }
    }

    public Assembly assemble(String topic, Instant start, ProduceLoop.Limits limits, SendListener listener,
                             String clientId, PrintStream log) throws Exception {
        return assemble(topic, start, limits, listener, clientId, log, false);
    }

    /** As above; {@code dryRun} swaps the Kafka producer for one that discards every record. */
    public Assembly assemble(String topic, Instant start, ProduceLoop.Limits limits, SendListener listener,
                             String clientId, PrintStream log, boolean dryRun) throws Exception {
        ObservationSource src = source.build(start, log);
        FaultPlan plan = faults.plan(source.seed);
        RecordEncoder encoder = new RecordEncoder(source.isReplay(), faults.oversizedBytes(), plan);
        ClientSettings client = kafka.settings();
        Producer<byte[], byte[]> p = dryRun ? new DiscardingProducer() : new KafkaProducer<>(
                producer.settings().toProperties(client, clientId, faults.oversizedBytes()));
        ProduceStats stats = new ProduceStats();
        ProduceLoop loop = new ProduceLoop(src, plan, encoder, p, topic, limits, stats, listener);
        return new Assembly(src, p, loop, stats);
    }

    /** Checks what can be checked without Kafka (fault fractions, the replay file), so mistakes fail fast. */
    public void validate() {
        faults.plan(source.seed);
        if (source.replay != null && !java.nio.file.Files.isReadable(source.replay)) {
            throw new IllegalArgumentException("cannot read the replay file " + source.replay);
        }
        if (source.keys < 1) {
            throw new IllegalArgumentException("--keys must be at least 1");
        }
    }

    /** Creates the missing topics when --create-topics (the default) is on. */
    public void ensureTopics(Collection<String> topics, PrintStream log) throws Exception {
        if (!this.topics.createTopics) {
            return;
        }
        try (Admin admin = Admin.create(kafka.settings().with(Map.of("client.id", "load-generator-admin")))) {
            List<String> created = TopicSetup.ensure(admin, topics, this.topics.partitions,
                    this.topics.replicationFactor);
            if (!created.isEmpty()) {
                log.println("created topics " + created);
            }
        }
    }

    public ClientSettings client() {
        return kafka.settings();
    }

    public SourceOptions source() {
        return source;
    }
}
