package dev.streamcast.loadgen.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads the two fields the bench needs from a forecast, {@code series} and the top-level {@code ts} (epoch millis or
 * an ISO-8601 string), skipping everything else (the horizon's own {@code ts} fields included) without building a
 * tree.
 */
public final class ForecastParser {

    private static final JsonFactory JSON = new JsonFactory();

    /** The parsed fields; {@code ts} is Long.MIN_VALUE when absent or unreadable. */
    public record Fields(String series, long ts) {
    }

    private ForecastParser() {
    }

    public static Fields parse(byte[] value) {
        if (value == null) {
            return new Fields(null, Long.MIN_VALUE);
        }
        String series = null;
        long ts = Long.MIN_VALUE;
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Fields(null, Long.MIN_VALUE);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("ts".equals(name)) {
                    ts = readTs(p, v);
                } else if ("series".equals(name) && v == JsonToken.VALUE_STRING) {
                    series = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Fields(series, ts);
        }
        return new Fields(series, ts);
    }

    private static long readTs(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        if (v == JsonToken.VALUE_STRING) {
            return Instant.parse(p.getText()).toEpochMilli();
        }
        p.skipChildren();
        return Long.MIN_VALUE;
    }
}
