package dev.streamcast.app.topology;

import dev.streamcast.app.record.RejectReason;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The headers a dead letter carries: why it was refused and where it came from. */
public final class DeadLetters {

    public static final String REASON = "error.reason";
    public static final String MESSAGE = "error.message";
    public static final String TOPIC = "source.topic";
    public static final String PARTITION = "source.partition";
    public static final String OFFSET = "source.offset";

    private DeadLetters() {
    }

    static Headers headers(Headers original, RejectReason reason, String message, Optional<RecordMetadata> source) {
        RecordHeaders h = new RecordHeaders(original.toArray());
        h.add(REASON, utf8(reason.code()));
        h.add(MESSAGE, utf8(message));
        source.ifPresent(m -> {
            h.add(TOPIC, utf8(m.topic()));
            h.add(PARTITION, utf8(Integer.toString(m.partition())));
            h.add(OFFSET, utf8(Long.toString(m.offset())));
        });
        return h;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
