package dev.streamcast.app.topology;

import dev.streamcast.app.forecast.ForecastSettings;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every refused record reaches the DLQ with its original bytes and headers; nothing else is lost or stopped. */
class DeadLetterTopologyTest {

    @TempDir
    Path stateDir;
    private TopologyHarness h;

    @BeforeEach
    void start() {
        TopologySettings s = TopologySettings.defaults();
        h = new TopologyHarness(new TopologySettings(s.observationsTopic(), s.forecastsTopic(), s.deadLetterTopic(),
                s.modelsTopic(), s.samplesTopic(), s.modelName(), 200, new ForecastSettings(3, 0.9, 4, 20, 0)),
                stateDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void everyReasonIsReportedWithSourceHeaders() {
        h.point("a", 1000, 1.0);
        h.send("a", "garbage");                                          // malformed
        h.send("a", "{\"ts\": 2000}");                                   // missing_field
        h.send("a", "{\"ts\": 2000, \"value\": NaN}");                   // non_finite
        h.send("", "{\"ts\": 2000, \"value\": 1}");                      // bad_key
        h.point("a", 500, 2.0);                                           // out_of_order
        h.point("a", 1000, 2.0);                                          // duplicate
        h.send("a", "{\"ts\":2000,\"value\":1,\"p\":\"" + "x".repeat(300) + "\"}"); // too_large
        h.point("b", 1000, null);                                         // a gap cannot open a series
        h.point("a", 2000, 3.0);                                          // still accepted afterwards

        List<TestRecord<byte[], byte[]>> dead = h.deadLetters.readRecordsToList();
        List<String> reasons = dead.stream().map(r -> TopologyHarness.header(r, DeadLetters.REASON)).toList();
        assertEquals(List.of("malformed", "missing_field", "non_finite", "bad_key", "out_of_order", "duplicate",
                "too_large", "missing_field"), reasons);
        for (TestRecord<byte[], byte[]> r : dead) {
            assertEquals("observations", TopologyHarness.header(r, DeadLetters.TOPIC));
            assertNotNull(TopologyHarness.header(r, DeadLetters.PARTITION));
            assertNotNull(TopologyHarness.header(r, DeadLetters.OFFSET));
            assertTrue(TopologyHarness.header(r, DeadLetters.MESSAGE).length() > 5);
        }
        assertArrayEquals("garbage".getBytes(StandardCharsets.UTF_8), dead.get(0).value(), "original bytes kept");
        assertEquals(2, h.forecasts.readRecordsToList().size(), "the two good points were forecast");
        assertEquals(8.0, h.metrics.count("streamcast.dlq", "reason", "missing_field")
                + h.metrics.count("streamcast.dlq", "reason", "malformed")
                + h.metrics.count("streamcast.dlq", "reason", "non_finite")
                + h.metrics.count("streamcast.dlq", "reason", "bad_key")
                + h.metrics.count("streamcast.dlq", "reason", "out_of_order")
                + h.metrics.count("streamcast.dlq", "reason", "duplicate")
                + h.metrics.count("streamcast.dlq", "reason", "too_large"));
    }

    @Test
    void inputHeadersTravelToTheForecast() {
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("sent.ms", "123".getBytes(StandardCharsets.UTF_8));
        h.observations.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8),
                "{\"ts\":1,\"value\":2}".getBytes(StandardCharsets.UTF_8), headers, 0L));
        TestRecord<byte[], byte[]> f = h.forecasts.readRecord();
        assertEquals("123", TopologyHarness.header(f, "sent.ms"));
        assertEquals("0", TopologyHarness.header(f, ForecastTopology.MODEL_VERSION_HEADER));
    }
}
