package dev.streamcast.app.fuzz;

import dev.streamcast.app.record.ObservationParser;
import dev.streamcast.app.record.RejectReason;
import dev.streamcast.app.record.Timestamps;

import dev.streamcast.app.topology.TopologyHarness;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of {@code observations} records, hostile and valid mixed, each with the outcome the contract
 * demands. The expected outcome is worked out here from the contract's rules (and, for well-formed points, from a
 * small model of each series' last accepted timestamp), never from the parser under test.
 */
final class HostileInput {

    /** What one generated record is, and what must come out for it: a reason code, or null for a forecast. */
    record Case(String category, byte[] key, byte[] value, String expectedReason, long expectedTs, boolean gap) {

        String describe() {
            return category + " key=" + show(key) + " value=" + show(value);
        }

        private static String show(byte[] b) {
            if (b == null) {
                return "null";
            }
            String s = new String(b, StandardCharsets.UTF_8);
            return s.length() > 160 ? s.substring(0, 160) + "...(" + b.length + " bytes)" : s;
        }
    }

    static final int MAX_VALUE_BYTES = 16 * 1024;

    private static final List<String> KEYS = List.of("s0", "s1", "s2", "s3", "séries-\uD83D\uDE00",
            "quote\"back\\slash\nnew", "k".repeat(256), "x");
    private static final List<String> NON_FINITE_BARE = List.of("NaN", "Infinity", "-Infinity", "1e400", "-1e309",
            "1" + "0".repeat(400), "-" + "9".repeat(320) + ".5");
    private static final List<String> NON_FINITE_STRINGS = List.of("\"NaN\"", "\"nan\"", "\"Infinity\"",
            "\"-Infinity\"", "\"+inf\"", "\"INF\"", "\" -infinity \"", "\"+Infinity\"");
    private static final List<String> WRONG_VALUES = List.of("true", "false", "\"abc\"", "\"1.5\"", "[1]", "{}",
            "{\"a\":1}", "\"\"", "[]");
    private static final List<String> WRONG_TS = List.of("true", "[1]", "{}", "\"yesterday\"",
            "\"2024-13-01T00:00:00Z\"", "\"\"", "1.5", "-0.25", "1e20", "99999999999999999999999",
            String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE),
            String.valueOf(Timestamps.MAX_MILLIS + 1), String.valueOf(Timestamps.MIN_MILLIS - 1),
            "\"+10000-01-01T00:00:00Z\"", "\"-10000-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"",
            "\"" + Long.MAX_VALUE + "\"", "\"99999999999999999999\"");
    private static final List<String> NOT_OBJECTS = List.of("[1,2]", "\"str\"", "42", "null", "true", "", "   ",
            "{\"ts\":1,\"value\":2}{}", "{\"ts\":1,\"value\":2} x", "{\"ts\":1,,\"value\":2}",
            "{'ts':1,'value':2}", "{ts:1,value:2}", "{\"ts\":1,\"value\":2,}");
    private static final List<String> MISSING = List.of("{}", "{\"ts\":1000}", "{\"value\":1}",
            "{\"time\":1,\"val\":2}", "{\"TS\":1,\"Value\":2}", "{\"ts\":null,\"value\":1}");

    private final Random rnd;
    private final Map<String, Long> lastTs = new HashMap<>();
    private long clock = 1_700_000_000_000L;

    HostileInput(long seed) {
        this.rnd = new Random(seed);
    }

    Case next() {
        int pick = rnd.nextInt(100);
        if (pick < 35) {
            return valid();
        }
        return switch (pick % 13) {
            case 0 -> randomBytes();
            case 1 -> truncated();
            case 2 -> deepNesting();
            case 3 -> nonFinite();
            case 4 -> wrongType();
            case 5 -> missing();
            case 6 -> badKey();
            case 7 -> invalidUtf8Value();
            case 8 -> farTimestamp();
            case 9 -> tooLarge();
            case 10 -> hugeFinite();
            case 11 -> notAnObject();
            default -> shallowNesting();
        };
    }

    // ---------------------------------------------------------------- well-formed points, judged by the model

    private Case valid() {
        return point("valid", KEYS.get(rnd.nextInt(KEYS.size())), "");
    }

    /** A well-formed point; out_of_order, duplicate or a gap opening a series are expected from the model. */
    private Case point(String category, String key, String extraFields) {
        Long last = lastTs.get(key);
        long ts;
        int r = rnd.nextInt(20);
        if (last == null) {
            ts = clock += 1 + rnd.nextInt(1000);
        } else if (r == 0) {
            ts = last;
        } else if (r == 1) {
            ts = last - 1 - rnd.nextInt(5000);
        } else {
            ts = last + 1 + rnd.nextInt(120_000);
        }
        boolean gap = rnd.nextInt(8) == 0;
        String value = gap ? "null" : finiteNumber();
        String body = rnd.nextBoolean()
                ? "{\"ts\":" + renderTs(ts) + ",\"value\":" + value + extraFields + "}"
                : "{ \"note\": \"x\"" + extraFields + " , \"value\" : " + value + ", \"ts\" : " + renderTs(ts) + " }";
        return judge(category, key, TopologyHarness.utf8(body), ts, gap);
    }

    private Case judge(String category, String key, byte[] value, long ts, boolean gap) {
        Long last = lastTs.get(key);
        String reason = null;
        if (last != null && ts < last) {
            reason = RejectReason.OUT_OF_ORDER.code();
        } else if (last != null && ts == last) {
            reason = RejectReason.DUPLICATE.code();
        } else if (last == null && gap) {
            reason = RejectReason.MISSING_FIELD.code();
        } else {
            lastTs.put(key, ts);
        }
        return new Case(category, TopologyHarness.utf8(key), value, reason, ts, gap);
    }

    private String renderTs(long ts) {
        return switch (rnd.nextInt(4)) {
            case 0 -> "\"" + Instant.ofEpochMilli(ts) + "\"";
            case 1 -> "\"" + ts + "\"";
            case 2 -> ts + ".0";
            default -> Long.toString(ts);
        };
    }

    private String finiteNumber() {
        double mag = Math.pow(10, rnd.nextInt(11) - 5);
        double v = rnd.nextGaussian() * mag;
        return switch (rnd.nextInt(4)) {
            case 0 -> Long.toString((long) v);
            case 1 -> String.format(java.util.Locale.ROOT, "%.6e", v);
            default -> Double.toString(v);
        };
    }

    // ---------------------------------------------------------------- hostile records

    private String validKey() {
        return KEYS.get(rnd.nextInt(KEYS.size()));
    }

    private String validBody() {
        return "{\"ts\":" + (clock + rnd.nextInt(1000)) + ",\"value\":" + finiteNumber() + "}";
    }

    private Case reject(String category, String key, byte[] value, RejectReason reason) {
        return new Case(category, TopologyHarness.utf8(key), value, reason.code(), 0, false);
    }

    private Case randomBytes() {
        byte[] b = new byte[rnd.nextInt(300)];
        rnd.nextBytes(b);
        if (b.length > 0) {
            // Not an object opener, whitespace, a BOM or a UTF-16/32 marker: the bytes cannot start a JSON object.
            while (b[0] == '{' || b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r' || b[0] == 0
                    || (b[0] & 0xff) >= 0xEF) {
                b[0] = (byte) rnd.nextInt(256);
            }
        }
        return reject("random_bytes", validKey(), b, RejectReason.MALFORMED);
    }

    private Case truncated() {
        byte[] full = TopologyHarness.utf8(validBody());
        byte[] cut = java.util.Arrays.copyOf(full, rnd.nextInt(full.length));
        return reject("truncated", validKey(), cut, RejectReason.MALFORMED);
    }

    private Case deepNesting() {
        int depth = 70 + rnd.nextInt(7000);
        boolean arrays = rnd.nextBoolean();
        StringBuilder sb = new StringBuilder("{\"ts\":1000,\"deep\":");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append('1');
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        sb.append(",\"value\":1}");
        byte[] v = TopologyHarness.utf8(sb.toString());
        return reject("deep_nesting", validKey(), v,
                v.length > MAX_VALUE_BYTES ? RejectReason.TOO_LARGE : RejectReason.MALFORMED);
    }

    private Case shallowNesting() {
        int depth = 1 + rnd.nextInt(50);
        StringBuilder sb = new StringBuilder(",\"nested\":");
        for (int i = 0; i < depth; i++) {
            sb.append(i % 2 == 0 ? "[" : "{\"a\":");
        }
        sb.append("null");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append(i % 2 == 0 ? "]" : "}");
        }
        return point("shallow_nesting", validKey(), sb.toString());
    }

    private Case nonFinite() {
        boolean bare = rnd.nextBoolean();
        List<String> pool = bare ? NON_FINITE_BARE : NON_FINITE_STRINGS;
        String v = pool.get(rnd.nextInt(pool.size()));
        return reject("non_finite", validKey(), TopologyHarness.utf8("{\"ts\":1000,\"value\":" + v + "}"),
                RejectReason.NON_FINITE);
    }

    private Case wrongType() {
        if (rnd.nextBoolean()) {
            String v = WRONG_VALUES.get(rnd.nextInt(WRONG_VALUES.size()));
            return reject("wrong_value_type", validKey(), TopologyHarness.utf8("{\"ts\":1000,\"value\":" + v + "}"),
                    RejectReason.MALFORMED);
        }
        String ts = WRONG_TS.get(rnd.nextInt(WRONG_TS.size()));
        return reject("wrong_ts", validKey(), TopologyHarness.utf8("{\"ts\":" + ts + ",\"value\":1}"),
                RejectReason.MALFORMED);
    }

    private Case missing() {
        return reject("missing", validKey(), TopologyHarness.utf8(MISSING.get(rnd.nextInt(MISSING.size()))),
                RejectReason.MISSING_FIELD);
    }

    private Case notAnObject() {
        return reject("not_an_object", validKey(), TopologyHarness.utf8(NOT_OBJECTS.get(rnd.nextInt(NOT_OBJECTS.size()))),
                RejectReason.MALFORMED);
    }

    private Case badKey() {
        byte[] key = switch (rnd.nextInt(6)) {
            case 0 -> null;
            case 1 -> new byte[0];
            case 2 -> TopologyHarness.utf8("k".repeat(257 + rnd.nextInt(2000)));
            case 3 -> TopologyHarness.utf8(rnd.nextBoolean() ? "   " : "\t\n");
            case 4 -> invalidUtf8(1 + rnd.nextInt(40));
            default -> TopologyHarness.utf8("\uD83D\uDE00".repeat(65)); // 260 bytes in 65 characters
        };
        // The key is judged first: whatever the value, the record is a bad_key.
        byte[] value = rnd.nextBoolean() ? TopologyHarness.utf8(validBody()) : randomBytesAnyValue();
        return new Case("bad_key", key, value, RejectReason.BAD_KEY.code(), 0, false);
    }

    private byte[] randomBytesAnyValue() {
        byte[] b = new byte[rnd.nextInt(50)];
        rnd.nextBytes(b);
        return rnd.nextInt(10) == 0 ? null : b;
    }

    private Case invalidUtf8Value() {
        String prefix = rnd.nextBoolean() ? "{\"ts\":1000,\"value\":\"" : "{\"value\":1,\"ts\":\"";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TopologyHarness.utf8(prefix));
        out.writeBytes(invalidUtf8(1 + rnd.nextInt(10)));
        out.writeBytes(TopologyHarness.utf8("\"}"));
        return reject("invalid_utf8_value", validKey(), out.toByteArray(), RejectReason.MALFORMED);
    }

    /** Bytes that are not valid UTF-8: a stray continuation byte, an overlong form, a cut sequence or 0xFF. */
    private byte[] invalidUtf8(int len) {
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TopologyHarness.utf8("a".repeat(rnd.nextInt(len))));
        out.writeBytes(bad[rnd.nextInt(bad.length)]);
        out.writeBytes(TopologyHarness.utf8("b".repeat(rnd.nextInt(3))));
        return out.toByteArray();
    }

    private Case farTimestamp() {
        // In-range extremes are accepted (ordering judged by the model) on series of their own.
        if (rnd.nextInt(3) == 0) {
            String key = "edge-" + rnd.nextInt(3);
            long ts = rnd.nextBoolean() ? Timestamps.MIN_MILLIS + rnd.nextInt(10) : Timestamps.MAX_MILLIS - 10
                    + rnd.nextInt(11);
            String body = "{\"ts\":" + (rnd.nextBoolean() ? Long.toString(ts) : "\"" + Instant.ofEpochMilli(ts)
                    + "\"") + ",\"value\":" + finiteNumber() + "}";
            return judge("edge_timestamp", key, TopologyHarness.utf8(body), ts, false);
        }
        String ts = WRONG_TS.get(10 + rnd.nextInt(WRONG_TS.size() - 10));
        return reject("far_timestamp", validKey(), TopologyHarness.utf8("{\"ts\":" + ts + ",\"value\":1}"),
                RejectReason.MALFORMED);
    }

    private Case tooLarge() {
        int pad = MAX_VALUE_BYTES + rnd.nextInt(50_000);
        String body = rnd.nextBoolean()
                ? "{\"ts\":1000,\"value\":1,\"pad\":\"" + "p".repeat(pad) + "\"}"
                : "[" + "[".repeat(pad); // too large wins over malformed: size is checked before parsing
        return reject("too_large", validKey(), TopologyHarness.utf8(body), RejectReason.TOO_LARGE);
    }

    /**
     * Finite but extreme values: beyond {@link ObservationParser#MAX_MAGNITUDE} they are refused as non_finite, the
     * rest are valid input; they get series of their own (they swamp a series' scale).
     */
    private Case hugeFinite() {
        String key = "huge-" + rnd.nextInt(3);
        Long last = lastTs.get(key);
        long ts = last == null ? clock : last + 1 + rnd.nextInt(1000);
        String[] values = {"1e300", "-1.7976931348623157E308", "4.9E-324", "1.7976931348623157e308", "0", "-0.0",
            "123456789012345678901234567890"};
        String value = values[rnd.nextInt(values.length)];
        String body = "{\"ts\":" + ts + ",\"value\":" + value + "}";
        if (Math.abs(Double.parseDouble(value)) > ObservationParser.MAX_MAGNITUDE) {
            return reject("huge_finite", key, TopologyHarness.utf8(body), RejectReason.NON_FINITE);
        }
        return judge("huge_finite", key, TopologyHarness.utf8(body), ts, false);
    }
}
