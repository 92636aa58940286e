package dev.streamcast.loadgen.produce;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Producer configuration tuned for throughput without giving up ordering or exactly-once delivery to the log:
 * idempotence on, acks=all, lz4, a few milliseconds of linger and large batches. The user's client properties
 * override any of it.
 */
public record ProducerSettings(int lingerMs, int batchSize, String compression, String acks, long bufferMemory) {

    public static ProducerSettings defaults() {
        return new ProducerSettings(10, 256 * 1024, "lz4", "all", 128L * 1024 * 1024);
    }

    public Properties toProperties(ClientSettings client, String clientId, int maxRequestBytes) {
        Map<String, Object> d = new HashMap<>();
        d.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        d.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        d.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        d.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        d.put(ProducerConfig.ACKS_CONFIG, acks);
        d.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        d.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchSize));
        d.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        d.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(bufferMemory));
        d.put("max.in.flight.requests.per.connection", "5");
        // Oversized fault records must fit in a request; the broker's own limit (message.max.bytes) still applies.
        d.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Math.max(1024 * 1024, maxRequestBytes + 4096)));
        return client.with(d);
    }
}
