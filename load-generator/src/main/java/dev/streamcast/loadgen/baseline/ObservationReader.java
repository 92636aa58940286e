package dev.streamcast.loadgen.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The baseline's parse of an input value {@code {"ts": millis|ISO, "value": number|null}}: the same checks, in the
 * same order, as the contract asks of the forecaster, done with a streaming parser.
 */
final class ObservationReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    long ts;
    double value;
    boolean gap;

    void read(byte[] bytes) throws Verdict {
        boolean hasTs = false;
        boolean hasValue = false;
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Verdict("malformed", "the value must be a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("ts".equals(name)) {
                    ts = readTs(p, v);
                    hasTs = true;
                } else if ("value".equals(name)) {
                    hasValue = true;
                    gap = v == JsonToken.VALUE_NULL;
                    if (!gap) {
                        value = readValue(p, v);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new Verdict("malformed", "not a single closed JSON object");
            }
        } catch (IOException e) {
            throw new Verdict("malformed", "not valid JSON");
        }
        if (!hasTs || !hasValue) {
            throw new Verdict("missing_field", !hasTs ? "missing field \"ts\"" : "missing field \"value\"");
        }
    }

    private static long readTs(JsonParser p, JsonToken v) throws IOException, Verdict {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (v == JsonToken.VALUE_STRING) {
            try {
                return Instant.parse(p.getText()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new Verdict("malformed", "\"ts\" is not an ISO-8601 instant");
            }
        }
        throw new Verdict("malformed", "\"ts\" must be epoch millis or an ISO-8601 string");
    }

    private static double readValue(JsonParser p, JsonToken v) throws IOException, Verdict {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new Verdict("malformed", "\"value\" must be a number or null");
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new Verdict("non_finite", "\"value\" is not finite");
        }
        return d;
    }
}
