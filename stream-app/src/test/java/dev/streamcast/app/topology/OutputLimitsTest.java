package dev.streamcast.app.topology;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the processor writes fits the producer's max.request.size (here 20,000 bytes), so no input, however large,
 * makes a send fail and stop the application: dead letters are cut to fit and say so, and a forecast leaves large
 * input headers behind.
 */
class OutputLimitsTest {

    private static final int MAX_REQUEST = 20_000;

    @TempDir
    Path stateDir;

    @Test
    void aDeadLetterTooLargeToSendIsCutToFitAndSaysWhat() {
        try (TopologyHarness h = harness()) {
            byte[] value = new byte[50_000];
            Arrays.fill(value, (byte) 'x');
            h.observations.pipeInput("s".getBytes(StandardCharsets.UTF_8), value);
            TestRecord<byte[], byte[]> dead = h.deadLetters.readRecord();
            assertEquals("too_large", TopologyHarness.header(dead, DeadLetters.REASON));
            assertTrue(size(dead) <= MAX_REQUEST - OutputLimits.MARGIN, "fits: " + size(dead));
            assertArrayEquals(Arrays.copyOf(value, dead.value().length), dead.value(), "the value's first bytes");
            assertEquals("key 1 -> 1 bytes, value 50000 -> " + dead.value().length + " bytes",
                    TopologyHarness.header(dead, OutputLimits.TRUNCATED));
            assertEquals("0", TopologyHarness.header(dead, DeadLetters.OFFSET), "where the whole record is");

            byte[] key = new byte[30_000];
            Arrays.fill(key, (byte) 'k');
            h.observations.pipeInput(key, "{\"ts\":0,\"value\":1}".getBytes(StandardCharsets.UTF_8));
            dead = h.deadLetters.readRecord();
            assertEquals("bad_key", TopologyHarness.header(dead, DeadLetters.REASON));
            assertTrue(size(dead) <= MAX_REQUEST - OutputLimits.MARGIN, "fits: " + size(dead));
            assertEquals("{\"ts\":0,\"value\":1}", new String(dead.value(), StandardCharsets.UTF_8), "value kept");
        }
    }

    @Test
    void aDeadLetterThatFitsIsTheOriginalRecord() {
        try (TopologyHarness h = harness()) {
            RecordHeaders in = new RecordHeaders();
            in.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
            h.observations.pipeInput(new TestRecord<>("s".getBytes(StandardCharsets.UTF_8),
                    "not json".getBytes(StandardCharsets.UTF_8), in));
            TestRecord<byte[], byte[]> dead = h.deadLetters.readRecord();
            assertEquals("not json", new String(dead.value(), StandardCharsets.UTF_8));
            assertEquals("abc", TopologyHarness.header(dead, "trace"));
            assertNull(TopologyHarness.header(dead, OutputLimits.TRUNCATED));
        }
    }

    @Test
    void aForecastCarriesSmallInputHeadersButNotLargeOnes() {
        try (TopologyHarness h = harness()) {
            RecordHeaders small = new RecordHeaders();
            small.add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));
            h.observations.pipeInput(new TestRecord<>("s".getBytes(StandardCharsets.UTF_8),
                    "{\"ts\":0,\"value\":1}".getBytes(StandardCharsets.UTF_8), small));
            TestRecord<byte[], byte[]> first = h.forecasts.readRecord();
            assertEquals("00-abc-01", TopologyHarness.header(first, "traceparent"));

            RecordHeaders large = new RecordHeaders();
            large.add("blob", new byte[OutputLimits.FORECAST_HEADER_BYTES]);
            h.observations.pipeInput(new TestRecord<>("s".getBytes(StandardCharsets.UTF_8),
                    "{\"ts\":60000,\"value\":2}".getBytes(StandardCharsets.UTF_8), large));
            TestRecord<byte[], byte[]> second = h.forecasts.readRecord();
            assertTrue(second.headers().lastHeader("blob") == null, "the large header is left behind");
            assertEquals("1 headers, " + (OutputLimits.FORECAST_HEADER_BYTES + 4) + " bytes",
                    TopologyHarness.header(second, OutputLimits.HEADERS_DROPPED));
            assertTrue(TopologyHarness.header(second, ForecastTopology.MODEL_VERSION_HEADER) != null,
                    "its own headers are there");
        }
    }

    private TopologyHarness harness() {
        Properties p = new Properties();
        p.put("producer.max.request.size", Integer.toString(MAX_REQUEST));
        return new TopologyHarness(TopologySettings.defaults(), stateDir, p);
    }

    private static int size(TestRecord<byte[], byte[]> r) {
        int n = (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        for (Header x : r.headers()) {
            n += x.key().length() + (x.value() == null ? 0 : x.value().length);
        }
        return n;
    }
}
