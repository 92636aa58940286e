package dev.streamcast.app.chaos;

import dev.streamcast.app.topology.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier itself catches each kind of violation: a verifier that cannot fail proves nothing. */
class ChaosVerifierTest {

    private static final String IN = "obs";

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> forecast(String series, long ts, String extra) {
        return new ConsumerRecord<>("fc", 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0, b(series),
                b("{\"series\":\"" + series + "\",\"ts\":" + ts + extra + "}"), new RecordHeaders(), Optional.empty());
    }

    private static ConsumerRecord<byte[], byte[]> dead(String reason, int partition, long offset, String key) {
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetters.REASON, b(reason));
        h.add(DeadLetters.TOPIC, b(IN));
        h.add(DeadLetters.PARTITION, b(Integer.toString(partition)));
        h.add(DeadLetters.OFFSET, b(Long.toString(offset)));
        return new ConsumerRecord<>("dlq", 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0, b(key), b("bad"), h,
                Optional.empty());
    }

    private static ChaosVerifier.Expected expected() {
        return new ChaosVerifier.Expected(Map.of(
                ChaosVerifier.forecastKey("a", 1), b("{\"series\":\"a\",\"ts\":1}"),
                ChaosVerifier.forecastKey("a", 2), b("{\"series\":\"a\",\"ts\":2}")),
                Map.of(ChaosVerifier.sourceKey(0, 7), new ChaosVerifier.Refusal("malformed", b("a"), b("bad"))), 3);
    }

    private static List<ConsumerRecord<byte[], byte[]>> good() {
        return new ArrayList<>(List.of(forecast("a", 1, ""), forecast("a", 2, "")));
    }

    @Test
    void exactOutputVerifies() {
        assertEquals(List.of(), ChaosVerifier.compare(expected(), good(), List.of(dead("malformed", 0, 7, "a")), IN));
    }

    @Test
    void eachViolationIsReported() {
        List<ConsumerRecord<byte[], byte[]>> doubled = good();
        doubled.add(forecast("a", 2, ""));
        assertHas(ChaosVerifier.compare(expected(), doubled, List.of(dead("malformed", 0, 7, "a")), IN), "doubled");

        List<ConsumerRecord<byte[], byte[]>> missing = good();
        missing.remove(1);
        assertHas(ChaosVerifier.compare(expected(), missing, List.of(dead("malformed", 0, 7, "a")), IN), "missing");

        List<ConsumerRecord<byte[], byte[]>> changed = good();
        changed.set(1, forecast("a", 2, ",\"x\":1"));
        assertHas(ChaosVerifier.compare(expected(), changed, List.of(dead("malformed", 0, 7, "a")), IN), "differs");

        List<ConsumerRecord<byte[], byte[]>> extra = good();
        extra.add(forecast("b", 5, ""));
        assertHas(ChaosVerifier.compare(expected(), extra, List.of(dead("malformed", 0, 7, "a")), IN), "does not accept");

        assertHas(ChaosVerifier.compare(expected(), good(), List.of(), IN), "0 dead letters");
        assertHas(ChaosVerifier.compare(expected(), good(), List.of(dead("malformed", 0, 7, "a"),
                dead("malformed", 0, 7, "a")), IN), "2 dead letters");
        assertHas(ChaosVerifier.compare(expected(), good(), List.of(dead("duplicate", 0, 7, "a")), IN), "says duplicate");
        assertHas(ChaosVerifier.compare(expected(), good(), List.of(dead("malformed", 0, 7, "a"),
                dead("duplicate", 1, 3, "a")), IN), "which the replay accepts");
    }

    private static void assertHas(List<String> problems, String words) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(words)), "expected a problem with '" + words + "' in "
                + problems);
    }
}
