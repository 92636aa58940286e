package dev.streamcast.app.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.forecast.Forecast;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written forecast JSON, read back by Jackson: every field as the contract names it, any series name. */
class ForecastJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ForecastJson writer = new ForecastJson();

    @Test
    void everyFieldReadsBackForAnySeriesNameAndNumber() throws Exception {
        Random r = new Random(5);
        String[] names = {"sensor-1", "quote\"back\\slash", "tab\tnew\nline\u0001", "café ☃ 🚀", "x".repeat(3000),
            ""};
        for (int i = 0; i < 2000; i++) {
            String name = names[i % names.length];
            int h = 1 + r.nextInt(8);
            long ts = i % 7 == 0 ? -r.nextInt(1_000_000) : i == 1 ? Long.MIN_VALUE : r.nextLong() >>> 1;
            double value = i % 11 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian() * 1e3;
            long[] hts = new long[h];
            double[] mean = new double[h];
            double[] lower = new double[h];
            double[] upper = new double[h];
            for (int k = 0; k < h; k++) {
                hts[k] = ts + k + 1;
                mean[k] = k == 2 && i % 5 == 0 ? Double.NaN : r.nextGaussian() * Math.pow(10, r.nextInt(30) - 15);
                lower[k] = mean[k] - r.nextDouble();
                upper[k] = i % 13 == 0 ? Double.POSITIVE_INFINITY : mean[k] + r.nextDouble();
            }
            Forecast f = new Forecast(name, ts, value, hts, mean, lower, upper, r.nextInt(100), i % 2 == 0, i % 3 == 0);
            JsonNode n = JSON.readTree(writer.write(f));
            assertEquals(name, n.get("series").asText());
            assertEquals(ts, n.get("ts").asLong());
            if (Double.isFinite(value)) {
                assertEquals(value, n.get("value").doubleValue(), 0.0, "the observed value keeps full precision");
            } else {
                assertTrue(n.get("value").isNull());
            }
            assertEquals(h, n.get("horizon").size());
            for (int k = 0; k < h; k++) {
                JsonNode step = n.get("horizon").get(k);
                assertEquals(hts[k], step.get("ts").asLong());
                assertEstimate(mean[k], step.get("mean"));
                assertEstimate(lower[k], step.get("lower"));
                assertEstimate(upper[k], step.get("upper"));
            }
            assertEquals(f.modelVersion(), n.get("model_version").asInt());
            assertEquals(f.warm(), n.get("warm").asBoolean());
            assertEquals(f.imputed(), n.get("imputed").asBoolean());
            assertEquals(7, n.size(), "no other fields");
        }
    }

    private static void assertEstimate(double expected, JsonNode actual) {
        if (!Double.isFinite(expected)) {
            assertTrue(actual.isNull(), "non-finite numbers are written as null");
            return;
        }
        assertEquals(expected, actual.doubleValue(), Math.abs(expected) * 6e-8, "8 significant digits");
    }
}
