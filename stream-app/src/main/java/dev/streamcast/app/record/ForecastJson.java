package dev.streamcast.app.record;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.streamcast.app.forecast.Forecast;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the contract's {@code forecasts} value; hand-written because it is on the per-event path: ASCII bytes into
 * one reused buffer (a StringBuilder, then its String, then UTF-8 bytes cost a third more per event).
 */
public final class ForecastJson {

    private static final byte[] SERIES = ascii("{\"series\":");
    private static final byte[] TS = ascii(",\"ts\":");
    private static final byte[] VALUE = ascii(",\"value\":");
    private static final byte[] HORIZON = ascii(",\"horizon\":[");
    private static final byte[] STEP_TS = ascii("{\"ts\":");
    private static final byte[] MEAN = ascii(",\"mean\":");
    private static final byte[] LOWER = ascii(",\"lower\":");
    private static final byte[] UPPER = ascii(",\"upper\":");
    private static final byte[] MODEL_VERSION = ascii("],\"model_version\":");
    private static final byte[] WARM = ascii(",\"warm\":");
    private static final byte[] IMPUTED = ascii(",\"imputed\":");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");
    /** Room for any one number: a long's 20 characters, a significant-digits number, a shortest double. */
    private static final int NUMBER_ROOM = 32;

    private byte[] buf = new byte[1024];
    private int pos;

    /** Not thread-safe: one writer per stream thread. */
    public byte[] write(Forecast f) {
        pos = 0;
        put(SERIES);
        putString(f.series());
        put(TS);
        putLong(f.ts());
        put(VALUE);
        putNumber(f.value());
        put(HORIZON);
        for (int k = 0; k < f.horizon(); k++) {
            if (k > 0) {
                putByte(',');
            }
            put(STEP_TS);
            putLong(f.horizonTs()[k]);
            put(MEAN);
            putEstimate(f.mean()[k]);
            put(LOWER);
            putEstimate(f.lower()[k]);
            put(UPPER);
            putEstimate(f.upper()[k]);
            putByte('}');
        }
        put(MODEL_VERSION);
        putLong(f.modelVersion());
        put(WARM);
        put(f.warm() ? TRUE : FALSE);
        put(IMPUTED);
        put(f.imputed() ? TRUE : FALSE);
        putByte('}');
        return Arrays.copyOf(buf, pos);
    }

    /** A forecast number, to {@link SignificantDigits#DIGITS} significant digits. */
    private void putEstimate(double d) {
        if (Double.isFinite(d)) {
            room(SignificantDigits.MAX_LENGTH);
            pos = SignificantDigits.write(buf, pos, d);
        } else {
            put(NULL);
        }
    }

    /** The observed value, in full precision (shortest form that parses back to the same double). */
    private void putNumber(double d) {
        if (Double.isFinite(d)) {
            String s = NumberOutput.toString(d, true);
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
        } else {
            put(NULL); // JSON has no NaN; never expected, but output must stay parseable
        }
    }

    private void putLong(long v) {
        room(NUMBER_ROOM);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                put(ascii(Long.toString(v)));
                return;
            }
            buf[pos++] = '-';
            v = -v;
        }
        pos = SignificantDigits.digitsOf(buf, pos, v, SignificantDigits.digitCount(v));
    }

    /** A series name: ASCII as is, anything else through the escaping writer and UTF-8. */
    private void putString(String s) {
        room(s.length() + 2);
        int start = pos;
        buf[pos++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                pos = start;
                StringBuilder sb = new StringBuilder(s.length() + 8);
                appendString(sb, s);
                put(sb.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            buf[pos++] = (byte) c;
        }
        buf[pos++] = '"';
    }

    private void put(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void putByte(char c) {
        room(1);
        buf[pos++] = (byte) c;
    }

    private void room(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, pos + n));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** JSON string escaping per RFC 8259. */
    public static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
