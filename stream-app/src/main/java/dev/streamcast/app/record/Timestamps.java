package dev.streamcast.app.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Event timestamps: epoch millis or ISO-8601 instants (years before 0 included), bounded to years -9999..9999. */
public final class Timestamps {

    /** -9999-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z. */
    public static final long MIN_MILLIS = -377_673_580_800_000L;
    public static final long MAX_MILLIS = 253_402_300_799_999L;

    private Timestamps() {
    }

    static long read(JsonParser p, JsonToken v) throws IOException, Rejection {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new Rejection(RejectReason.MALFORMED, "\"ts\" is out of range: " + p.getText());
            }
            return checkRange(p.getLongValue());
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (d != Math.rint(d) || !Double.isFinite(d)) {
                throw new Rejection(RejectReason.MALFORMED, "\"ts\" must be whole epoch milliseconds: " + p.getText());
            }
            return checkRange((long) d);
        }
        if (v == JsonToken.VALUE_STRING) {
            return parse(p.getText());
        }
        if (v == JsonToken.VALUE_NULL) {
            throw new Rejection(RejectReason.MISSING_FIELD, "\"ts\" is null");
        }
        throw new Rejection(RejectReason.MALFORMED,
                "\"ts\" must be epoch millis or an ISO-8601 string, not " + ObservationParser.describe(v));
    }

    /** Parses epoch millis digits or an ISO-8601 instant / offset date-time. */
    public static long parse(String text) throws Rejection {
        String s = text.trim();
        if (s.matches("[+-]?\\d{1,19}")) {
            try {
                return checkRange(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new Rejection(RejectReason.MALFORMED, "\"ts\" is out of range: " + s);
            }
        }
        try {
            return checkRange(Instant.parse(s).toEpochMilli());
        } catch (DateTimeParseException | ArithmeticException notInstant) {
            try {
                return checkRange(OffsetDateTime.parse(s).toInstant().toEpochMilli());
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new Rejection(RejectReason.MALFORMED, "\"ts\" is not an ISO-8601 instant: " + s);
            }
        }
    }

    private static long checkRange(long millis) throws Rejection {
        if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
            throw new Rejection(RejectReason.MALFORMED, "\"ts\" " + millis + " is outside years -9999..9999");
        }
        return millis;
    }
}
