package dev.streamcast.app.topology;

import dev.streamcast.app.record.RejectReason;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps what the processor writes within what its producer can send. A record over the producer's
 * {@code max.request.size} fails its send, and Kafka Streams then fails the task at a later record, and again after
 * every restart: an input near the broker's size limit (its dead letter is a little larger, its headers travel with
 * its forecast) would stop the application. So a dead letter keeps the original bytes up to the limit and says in
 * {@link #TRUNCATED} what was cut (the whole record is still in the input topic, at the offset its headers name),
 * and a forecast carries the input's headers along only while they are small ({@link #HEADERS_DROPPED} otherwise).
 */
final class OutputLimits {

    /** On a cut dead letter: the original and kept lengths of its key and value. */
    static final String TRUNCATED = "error.truncated";
    /** On a forecast or dead letter whose input headers were too large to carry: how many and how large. */
    static final String HEADERS_DROPPED = "headers.dropped";
    /** Input headers a forecast carries at most: tracing context, not payloads. */
    static final int FORECAST_HEADER_BYTES = 16_384;
    /** Room kept for a record's own framing and the batch header. */
    static final int MARGIN = 4096;
    /** Room for the {@link #TRUNCATED} header itself. */
    private static final int NOTE_BYTES = 128;

    private final int maxRecordBytes;

    OutputLimits(int maxRequestSize) {
        this.maxRecordBytes = Math.max(maxRequestSize - MARGIN, MARGIN);
    }

    /** From the application's settings: the producer's {@code max.request.size}, Kafka's default if unset. */
    static OutputLimits of(Map<String, Object> appConfigs) {
        Object v = appConfigs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (v == null) {
            v = appConfigs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        return new OutputLimits(v == null ? 1_048_576 : Integer.parseInt(v.toString().trim()));
    }

    /** The dead letter of {@code r}: its key, value and headers as far as they fit, and why it was refused. */
    Record<byte[], byte[]> deadLetter(Record<byte[], byte[]> r, RejectReason reason, String message,
                                      Optional<RecordMetadata> source) {
        Headers original = r.headers();
        int originalBytes = bytes(original);
        boolean dropHeaders = originalBytes > maxRecordBytes / 4;
        Headers h = DeadLetters.headers(dropHeaders ? new RecordHeaders() : original, reason, message, source);
        if (dropHeaders) {
            h.add(HEADERS_DROPPED, utf8(dropped(original, originalBytes)));
        }
        byte[] key = r.key();
        byte[] value = r.value();
        int k = key == null ? 0 : key.length;
        int v = value == null ? 0 : value.length;
        if (k + v <= maxRecordBytes - bytes(h)) {
            return r.withHeaders(h);
        }
        int budget = Math.max(maxRecordBytes - bytes(h) - NOTE_BYTES, 0);
        int keepKey = Math.min(k, Math.max(budget / 2, budget - v));
        int keepValue = Math.min(v, budget - keepKey);
        h.add(TRUNCATED, utf8("key " + k + " -> " + keepKey + " bytes, value " + v + " -> " + keepValue + " bytes"));
        return r.withKey(key == null ? null : Arrays.copyOf(key, keepKey))
                .withValue(value == null ? null : Arrays.copyOf(value, keepValue)).withHeaders(h);
    }

    /** The headers a forecast of {@code input} carries: a copy of its own while they are small. */
    static Headers forecastHeaders(Headers input) {
        int size = bytes(input);
        if (size <= FORECAST_HEADER_BYTES) {
            return new RecordHeaders(input.toArray());
        }
        RecordHeaders h = new RecordHeaders();
        h.add(HEADERS_DROPPED, utf8(dropped(input, size)));
        return h;
    }

    private static String dropped(Headers headers, int size) {
        return headers.toArray().length + " headers, " + size + " bytes";
    }

    /** Header keys (as UTF-8) and values, in bytes; counted without copying, as every forecast asks. */
    static int bytes(Headers headers) {
        long n = 0;
        for (Header x : headers) {
            String key = x.key();
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // a surrogate pair: 4
            }
            n += x.value() == null ? 0 : x.value().length;
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
