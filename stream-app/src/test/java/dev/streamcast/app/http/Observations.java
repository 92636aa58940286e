package dev.streamcast.app.http;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;

/** A plain producer of contract-shaped observations ({@code {"ts":...,"value":...}}) for the HTTP tests. */
final class Observations implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    Observations(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    void point(String series, long ts, double value) {
        raw(series, "{\"ts\":" + ts + ",\"value\":" + value + "}");
    }

    void raw(String key, String value) {
        producer.send(new ProducerRecord<>("observations", key, value));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
