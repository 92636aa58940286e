package dev.streamcast.app.runtime;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Plain producers and read_committed consumers for integration tests against the real broker. */
public final class KafkaTestClients {

    private KafkaTestClients() {
    }

    public static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    public static void send(KafkaProducer<String, String> p, String topic, String key, String value) {
        p.send(new ProducerRecord<>(topic, key, value));
    }

    /** Reads committed records from the start until {@code enough} holds or {@code timeout} passes. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String bootstrap, String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!enough.test(got) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            // A short extra read catches duplicates that arrive after the expected count.
            long settle = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < settle) {
                c.poll(Duration.ofMillis(200)).forEach(got::add);
            }
        }
        return got;
    }
}
