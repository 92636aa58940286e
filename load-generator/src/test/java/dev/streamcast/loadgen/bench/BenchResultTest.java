package dev.streamcast.loadgen.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchResultTest {

    @Test
    void writesOneValidJsonObjectWithLatencyInMilliseconds() throws Exception {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 1000L); // 1..1000 ms
        }
        String json = new BenchResult().put("sent", 10L).put("seconds", 1.5).put("name", "a \"q\"\n")
                .put("nan", Double.NaN).put("ok", true).put("latency_ms", BenchResult.latency(h))
                .put("reasons", Map.of("duplicate", 2L)).json();
        assertTrue(json.startsWith("{\"sent\":10,\"seconds\":1.500,"), json);
        assertTrue(json.contains("\"p50\":500."), json);
        assertTrue(json.contains("\"max\":1000."), json);
        assertTrue(!json.contains("\n"));
        try (JsonParser p = new JsonFactory().createParser(json)) {
            int tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
            }
            assertTrue(tokens > 10);
        }
        assertEquals(1000, h.getTotalCount());
    }
}
