package dev.streamcast.loadgen.baseline;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped baseline topology on TopologyTestDriver: one forecast per accepted input, dead letters otherwise. */
class BaselineTopologyTest {

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> in;
    private TestOutputTopic<byte[], byte[]> forecasts;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void setUp() {
        BaselineSettings s = new BaselineSettings("baseline-test", "obs", "fc", "dlq", "at_least_once", 1, 1000);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "baseline-test");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(BaselineTopology.build(s), p);
        in = driver.createInputTopic("obs", new ByteArraySerializer(), new ByteArraySerializer());
        forecasts = driver.createOutputTopic("fc", new ByteArrayDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic("dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(String key, String value) {
        in.pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Headers h, String name) {
        return new String(h.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void acceptsValidRecordsAndGapsAndRejectsTheRestWithReasons() {
        send("b", "{\"ts\":500,\"value\":null}");
        send("a", "{\"ts\":1000,\"value\":1.5,\"seq\":0}");
        send("a", "{\"ts\":2000,\"value\":null}");
        send("a", "{\"ts\":\"1970-01-01T00:00:03Z\",\"value\":2}");
        send("a", "{\"ts\":3000,\"value\":9}");
        send("a", "{\"ts\":2500,\"value\":9}");
        send("a", "{\"ts\":4000,");
        send("a", "{\"value\":1}");
        send("a", "{\"ts\":4000,\"value\":1e999}");
        send("a", "{\"ts\":4000,\"value\":1,\"pad\":\"" + "x".repeat(1000) + "\"}");
        send("", "{\"ts\":4000,\"value\":1}");
        send("k".repeat(257), "{\"ts\":4000,\"value\":1}");

        List<TestRecord<byte[], byte[]>> out = forecasts.readRecordsToList();
        assertEquals(3, out.size());
        String second = new String(out.get(1).value(), StandardCharsets.UTF_8);
        assertTrue(second.startsWith("{\"series\":\"a\",\"ts\":2000,\"value\":1.5,"), second);
        assertTrue(second.contains("\"imputed\":true"), second);
        assertTrue(new String(out.get(2).value(), StandardCharsets.UTF_8).contains("\"ts\":3000,\"value\":2.0"));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        List<String> reasons = dead.stream().map(r -> header(r.headers(), "error.reason")).toList();
        assertEquals(List.of("missing_field", "duplicate", "out_of_order", "malformed", "missing_field", "non_finite", "too_large",
                "bad_key", "bad_key"), reasons);
        TestRecord<byte[], byte[]> first = dead.get(1);
        assertEquals("{\"ts\":3000,\"value\":9}", new String(first.value(), StandardCharsets.UTF_8));
        assertEquals("obs", header(first.headers(), "source.topic"));
        assertEquals("4", header(first.headers(), "source.offset"));
        assertTrue(header(first.headers(), "error.message").contains("3000"));
    }
}
