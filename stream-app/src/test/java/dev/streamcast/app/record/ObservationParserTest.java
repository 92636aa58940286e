package dev.streamcast.app.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservationParserTest {

    private final ObservationParser parser = new ObservationParser(1024);

    private Observation parse(String key, String value) throws Rejection {
        return parser.parse(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    private RejectReason reasonFor(byte[] key, String value) {
        Rejection r = assertThrows(Rejection.class,
                () -> parser.parse(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        assertFalse(r.getMessage().isBlank());
        return r.reason();
    }

    private RejectReason reasonFor(String value) {
        return reasonFor("s1".getBytes(StandardCharsets.UTF_8), value);
    }

    @Test
    void acceptsEpochMillisAndIsoTimestamps() throws Rejection {
        Observation a = parse("s", "{\"ts\": 1700000000000, \"value\": 1.5, \"seq\": 7}");
        assertEquals(1700000000000L, a.ts());
        assertEquals(1.5, a.value());
        assertFalse(a.gap());
        Observation b = parse("s", "{\"value\": -2, \"ts\": \"2024-01-02T03:04:05.678Z\"}");
        assertEquals(Instant.parse("2024-01-02T03:04:05.678Z").toEpochMilli(), b.ts());
        Observation c = parse("s", "{\"ts\": \"-0044-03-15T00:00:00Z\", \"value\": 3}");
        assertTrue(c.ts() < 0, "years before 0 are accepted");
    }

    @Test
    void nullValueIsAGap() throws Rejection {
        Observation o = parse("s", "{\"ts\": 5, \"value\": null}");
        assertTrue(o.gap());
        assertTrue(Double.isNaN(o.value()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                            | MALFORMED",
        "[1,2]                               | MALFORMED",
        "{\"ts\": 1, \"value\": 2             | MALFORMED",
        "{\"ts\": 1, \"value\": 2} extra      | MALFORMED",
        "{\"ts\": 1, \"value\": \"abc\"}      | MALFORMED",
        "{\"ts\": 1, \"value\": true}         | MALFORMED",
        "{\"ts\": \"yesterday\", \"value\": 1} | MALFORMED",
        "{\"ts\": 99999999999999999999, \"value\": 1} | MALFORMED",
        "{\"ts\": 1.5, \"value\": 1}          | MALFORMED",
        "{\"ts\": 1, \"value\": 1, \"ts\": 2} | MALFORMED",
        "{\"value\": 1, \"ts\": 1, \"value\": null} | MALFORMED",
        "{\"value\": 1}                       | MISSING_FIELD",
        "{\"ts\": 1}                          | MISSING_FIELD",
        "{}                                   | MISSING_FIELD",
        "{\"ts\": 1, \"value\": NaN}          | NON_FINITE",
        "{\"ts\": 1, \"value\": Infinity}     | NON_FINITE",
        "{\"ts\": 1, \"value\": -Infinity}    | NON_FINITE",
        "{\"ts\": 1, \"value\": \"NaN\"}      | NON_FINITE",
        "{\"ts\": 1, \"value\": 1e999}        | NON_FINITE",
        "{\"ts\": 1, \"value\": -1e300}       | NON_FINITE",
    })
    void refusesBadValuesWithTheRightReason(String value, RejectReason expected) {
        assertEquals(expected, reasonFor(value.trim()));
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{\"ts\":1,\"value\":1,\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        assertEquals(RejectReason.MALFORMED, reasonFor(deep));
    }

    @Test
    void refusesBadKeys() {
        assertEquals(RejectReason.BAD_KEY, reasonFor(null, "{\"ts\":1,\"value\":1}"));
        assertEquals(RejectReason.BAD_KEY, reasonFor(new byte[0], "{\"ts\":1,\"value\":1}"));
        assertEquals(RejectReason.BAD_KEY, reasonFor(new byte[257], "{\"ts\":1,\"value\":1}"));
        assertEquals(RejectReason.BAD_KEY, reasonFor(new byte[] {(byte) 0xC3, (byte) 0x28}, "{\"ts\":1,\"value\":1}"));
    }

    @Test
    void refusesOversizedAndMissingValues() {
        String big = "{\"ts\":1,\"value\":1,\"pad\":\"" + "x".repeat(2000) + "\"}";
        assertEquals(RejectReason.TOO_LARGE, reasonFor(big));
        assertEquals(RejectReason.MALFORMED, reasonFor(null));
    }
}
