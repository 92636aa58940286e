package dev.streamcast.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.forecast.ForecastSettings;
import dev.streamcast.app.topology.DeadLetters;
import dev.streamcast.app.topology.TopologyHarness;
import dev.streamcast.app.topology.TopologySettings;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded fuzzing of the validation and serde paths through the real topology: random bytes, truncated and deeply
 * nested JSON, huge numbers, NaN/Infinity as strings and numbers, wrong types, empty and huge keys, invalid UTF-8,
 * timestamps far in the past and future, mixed with well-formed points in and out of order. For every input record
 * exactly one record comes out, a forecast or a dead letter with the contract's reason and the original bytes, and
 * nothing throws.
 *
 * <p>Run more: {@code mvn -f stream-app/pom.xml test -Dtest=HostileInputFuzzTest -Dfuzz.seeds=100 -Dfuzz.cases=20000}.
 * A failure names its seed and case index; {@code -Dfuzz.seed=S} replays one seed.
 */
class HostileInputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    static LongStream seeds() {
        String one = System.getProperty("fuzz.seed");
        if (one != null) {
            return LongStream.of(Long.parseLong(one));
        }
        return LongStream.range(0, Long.getLong("fuzz.seeds", 4)).map(i -> 0x5eed_0000L + i * 7919);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRecordYieldsExactlyOneForecastOrDeadLetterWithTheRightReason(long seed) throws Exception {
        int cases = Integer.getInteger("fuzz.cases", 2500);
        TopologySettings d = TopologySettings.defaults();
        TopologySettings settings = new TopologySettings(d.observationsTopic(), d.forecastsTopic(),
                d.deadLetterTopic(), d.modelsTopic(), d.samplesTopic(), d.modelName(), HostileInput.MAX_VALUE_BYTES,
                new ForecastSettings(3, 0.9, 4, 20, 2));
        HostileInput gen = new HostileInput(seed);
        Map<String, Integer> seen = new TreeMap<>();
        try (TopologyHarness h = new TopologyHarness(settings, stateDir)) {
            if ((seed & 1) == 1) {
                // Half of the seeds run under a trained-model RNN rather than the naive model.
                h.rawModels.pipeInput(TopologyHarness.utf8("forecaster"), TopologyHarness.utf8(
                        ModelDocumentFuzzTest.document(1, 0, seed, new java.util.Random(seed)).toJson()));
                assertEquals(1, h.registry.current().version(), "the model document serves");
            }
            for (int i = 0; i < cases; i++) {
                HostileInput.Case c = gen.next();
                String where = "seed " + seed + " case " + i + ": " + c.describe();
                double internalBefore = h.metrics.count("streamcast.errors.internal");
                try {
                    h.observations.pipeInput(c.key(), c.value());
                } catch (RuntimeException e) {
                    fail("the topology threw for " + where, e);
                }
                List<TestRecord<byte[], byte[]>> out = h.forecasts.readRecordsToList();
                List<TestRecord<byte[], byte[]>> dead = h.deadLetters.readRecordsToList();
                h.samples.readRecordsToList();
                assertEquals(1, out.size() + dead.size(), "exactly one output record for " + where);
                assertEquals(internalBefore, h.metrics.count("streamcast.errors.internal"),
                        "no internal error for " + where);
                if (c.expectedReason() == null) {
                    assertEquals(1, out.size(), "a forecast for " + where + " but got dead letter "
                            + (dead.isEmpty() ? "" : TopologyHarness.header(dead.get(0), DeadLetters.MESSAGE)));
                    checkForecast(out.get(0), c, where);
                    seen.merge(c.category() + " -> forecast", 1, Integer::sum);
                } else {
                    assertEquals(1, dead.size(), "a dead letter (" + c.expectedReason() + ") for " + where);
                    checkDeadLetter(dead.get(0), c, where);
                    seen.merge(c.category() + " -> " + c.expectedReason(), 1, Integer::sum);
                }
            }
        }
        System.out.println("fuzz seed " + seed + ": " + seen);
    }

    private static void checkDeadLetter(TestRecord<byte[], byte[]> r, HostileInput.Case c, String where) {
        assertEquals(c.expectedReason(), TopologyHarness.header(r, DeadLetters.REASON),
                "reason for " + where + " (message: " + TopologyHarness.header(r, DeadLetters.MESSAGE) + ")");
        assertArrayEquals(c.key(), r.key(), "original key bytes for " + where);
        assertArrayEquals(c.value(), r.value(), "original value bytes for " + where);
        assertEquals("observations", TopologyHarness.header(r, DeadLetters.TOPIC), where);
        assertNotNull(TopologyHarness.header(r, DeadLetters.PARTITION), where);
        assertNotNull(TopologyHarness.header(r, DeadLetters.OFFSET), where);
        String message = TopologyHarness.header(r, DeadLetters.MESSAGE);
        assertTrue(message != null && !message.isBlank(), "a message for " + where);
    }

    private static void checkForecast(TestRecord<byte[], byte[]> r, HostileInput.Case c, String where)
            throws Exception {
        assertArrayEquals(c.key(), r.key(), "forecast key for " + where);
        JsonNode f = JSON.readTree(r.value()); // must be valid JSON whatever the input was
        assertEquals(new String(c.key(), StandardCharsets.UTF_8), f.get("series").asText(), where);
        assertEquals(c.expectedTs(), f.get("ts").asLong(), where);
        assertEquals(c.gap(), f.get("imputed").asBoolean(), where);
        assertEquals(3, f.get("horizon").size(), where);
        assertTrue(f.get("value").isNumber(), "the forecast's value is a number for " + where);
        for (JsonNode step : f.get("horizon")) {
            for (String field : new String[] {"mean", "lower", "upper"}) {
                assertTrue(step.get(field).isNumber(), field + " is a finite number for " + where + ": " + f);
            }
        }
    }
}
