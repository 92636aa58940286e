package dev.streamcast.loadgen.produce;

import java.util.Arrays;

/**
 * A reusable byte buffer for hand-written ASCII JSON: numbers are formatted straight into the buffer, so encoding a
 * record allocates only its final exact-size array.
 */
public final class JsonBytes {

    private static final long SCALE = 1_000_000L;
    private static final int SCALE_DIGITS = 6;

    private byte[] buf = new byte[256];
    private int len;

    public JsonBytes reset() {
        len = 0;
        return this;
    }

    public int length() {
        return len;
    }

    public byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Appends ASCII text as is (callers pass only JSON punctuation, field names and ASCII literals). */
    public JsonBytes ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    public JsonBytes put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends {@code count} copies of an ASCII character (padding for oversized records). */
    public JsonBytes repeat(char c, int count) {
        ensure(count);
        Arrays.fill(buf, len, len + count, (byte) c);
        len += count;
        return this;
    }

    public JsonBytes number(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        reverse(start, len - 1);
        return this;
    }

    /**
     * A finite double rounded to 6 decimals, trailing zeros dropped: fast and enough for synthetic readings. Values
     * that are huge, non-finite or need every digit go through {@link #exact(double)}.
     */
    public JsonBytes decimal(double v) {
        if (!(Math.abs(v) < 1e12)) {
            return exact(v);
        }
        long scaled = Math.round(v * SCALE);
        if (scaled < 0) {
            put('-');
            scaled = -scaled;
        }
        number(scaled / SCALE);
        long frac = scaled % SCALE;
        if (frac != 0) {
            int digits = SCALE_DIGITS;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            put('.');
            ensure(digits);
            int end = len + digits;
            for (int i = end - 1; i >= len; i--) {
                buf[i] = (byte) ('0' + (frac % 10));
                frac /= 10;
            }
            len = end;
        }
        return this;
    }

    /** The shortest representation that reads back to the same double (for replayed real data). */
    public JsonBytes exact(double v) {
        return ascii(Double.toString(v));
    }

    private void reverse(int i, int j) {
        while (i < j) {
            byte t = buf[i];
            buf[i++] = buf[j];
            buf[j--] = t;
        }
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
