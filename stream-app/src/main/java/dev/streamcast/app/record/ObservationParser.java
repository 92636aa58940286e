package dev.streamcast.app.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Validates and parses an {@code observations} record: key = series id, value =
 * {@code {"ts": <epoch millis | ISO-8601>, "value": <finite number | null>}}. Other fields are ignored.
 * Everything that is not accepted becomes a {@link Rejection} with the contract's reason.
 */
public final class ObservationParser {

    public static final int MAX_KEY_BYTES = 256;
    /** Larger magnitudes are refused as non_finite: the series' scale squares differences, which would overflow. */
    public static final double MAX_MAGNITUDE = 1e150;

    private static final JsonFactory JSON = JsonFactory.builder()
            // Bare NaN/Infinity must reach us as numbers so they are reported as non_finite, not malformed.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(1000).build())
            .build();

    private final int maxValueBytes;

    public ObservationParser(int maxValueBytes) {
        this.maxValueBytes = maxValueBytes;
    }

    /** The series id, or a {@code bad_key} rejection. */
    public static String parseKey(byte[] key) throws Rejection {
        if (key == null || key.length == 0) {
            throw new Rejection(RejectReason.BAD_KEY, "the record has no key; the key must be the series id");
        }
        if (key.length > MAX_KEY_BYTES) {
            throw new Rejection(RejectReason.BAD_KEY,
                    "the key is " + key.length + " bytes; a series id may have at most " + MAX_KEY_BYTES);
        }
        try {
            String id = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key)).toString();
            if (id.isBlank()) {
                throw new Rejection(RejectReason.BAD_KEY, "the key is blank");
            }
            return id;
        } catch (CharacterCodingException e) {
            throw new Rejection(RejectReason.BAD_KEY, "the key is not valid UTF-8");
        }
    }

    public Observation parse(byte[] key, byte[] value) throws Rejection {
        String series = parseKey(key);
        if (value == null) {
            throw new Rejection(RejectReason.MALFORMED, "the record has no value (tombstone)");
        }
        if (value.length > maxValueBytes) {
            throw new Rejection(RejectReason.TOO_LARGE,
                    "the value is " + value.length + " bytes; at most " + maxValueBytes + " are accepted");
        }
        try (JsonParser p = JSON.createParser(value)) {
            return readObject(p, series);
        } catch (Rejection r) {
            throw r;
        } catch (IOException | RuntimeException e) {
            throw new Rejection(RejectReason.MALFORMED, "not a valid JSON object: " + firstLine(e.getMessage()));
        }
    }

    private static Observation readObject(JsonParser p, String series) throws IOException, Rejection {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new Rejection(RejectReason.MALFORMED, "the value must be a JSON object");
        }
        boolean hasTs = false;
        boolean hasValue = false;
        long ts = 0;
        double value = Double.NaN;
        boolean gap = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (("ts".equals(name) && hasTs) || ("value".equals(name) && hasValue)) {
                throw new Rejection(RejectReason.MALFORMED, "field \"" + name + "\" appears twice");
            }
            if ("ts".equals(name)) {
                ts = Timestamps.read(p, v);
                hasTs = true;
            } else if ("value".equals(name)) {
                hasValue = true;
                if (v == JsonToken.VALUE_NULL) {
                    gap = true;
                } else {
                    value = readValue(p, v);
                }
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new Rejection(RejectReason.MALFORMED, "the JSON object is not closed");
        }
        if (p.nextToken() != null) {
            throw new Rejection(RejectReason.MALFORMED, "unexpected content after the JSON object");
        }
        if (!hasTs || !hasValue) {
            throw new Rejection(RejectReason.MISSING_FIELD,
                    "missing field" + (!hasTs && !hasValue ? "s \"ts\" and \"value\"" : !hasTs ? " \"ts\"" : " \"value\""));
        }
        return new Observation(series, ts, value, gap);
    }

    private static double readValue(JsonParser p, JsonToken v) throws IOException, Rejection {
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (!Double.isFinite(d)) {
                throw new Rejection(RejectReason.NON_FINITE, "\"value\" is not a finite number: " + p.getText());
            }
            if (Math.abs(d) > MAX_MAGNITUDE) {
                throw new Rejection(RejectReason.NON_FINITE, "\"value\" " + p.getText() + " is beyond +-" + MAX_MAGNITUDE
                        + ": squares of its differences overflow, so no finite forecast could follow it");
            }
            return d;
        }
        if (v == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (s.equalsIgnoreCase("nan") || s.matches("(?i)[+-]?inf(inity)?")) {
                throw new Rejection(RejectReason.NON_FINITE, "\"value\" is not a finite number: " + s);
            }
        }
        throw new Rejection(RejectReason.MALFORMED, "\"value\" must be a number or null, not " + describe(v));
    }

    static String describe(JsonToken v) {
        return switch (v) {
            case VALUE_STRING -> "a string";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> v.toString();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
