package dev.streamcast.app.record;

/**
 * Writes a finite double rounded to {@link #DIGITS} significant digits as a JSON number, with long arithmetic only.
 * Forecast numbers need no more (their uncertainty is many orders larger), and the shortest-round-trip writers
 * (Schubfach, for doubles or floats) took a sixth of the stream thread's time for the 19 numbers of a forecast.
 * Plain notation from 1e-5 up to 1e15, scientific ({@code 1.2345678E20}) outside.
 */
final class SignificantDigits {

    static final int DIGITS = 8;
    private static final int HIGH = 100_000_000;     // 10^DIGITS
    private static final int MIN_EXP = -330;
    private static final double[] POW10 = new double[660];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Double.parseDouble("1e" + (i + MIN_EXP)); // correctly rounded, unlike Math.pow
        }
    }

    private SignificantDigits() {
    }

    private static double pow10(int e) {
        return POW10[e - MIN_EXP];
    }

    /** Bytes {@link #write} may take. */
    static final int MAX_LENGTH = 24;

    /**
     * Writes {@code d} (finite) rounded to {@link #DIGITS} significant digits as ASCII at {@code out[pos..]}, which
     * has room for {@link #MAX_LENGTH} bytes; returns the position after it.
     */
    static int write(byte[] out, int pos, double d) {
        if (d == 0) {
            out[pos] = '0';
            return pos + 1;
        }
        if (d < 0) {
            out[pos++] = '-';
            d = -d;
        }
        // Decimal exponent: estimate from the binary one, then correct (by one, or more for subnormals).
        int e10 = (int) Math.floor(Math.getExponent(d) * 0.30102999566398120);
        if (e10 + 1 <= 308 && d >= pow10(e10 + 1)) {
            e10++;
        }
        while (d < pow10(e10)) {
            e10--;
        }
        int shift = DIGITS - 1 - e10;             // d * 10^shift lies in [10^(DIGITS-1), HIGH)
        double scaled = shift >= 0 ? (shift <= 308 ? d * pow10(shift) : d * pow10(308) * pow10(shift - 308))
                : d / pow10(-shift);
        int m = (int) Math.round(scaled);          // below 10^8: int arithmetic (long divisions are slow)
        if (m >= HIGH) {                           // rounded up to the next power of ten
            m /= 10;
            e10++;
        }
        int digits = DIGITS;
        while (m % 10 == 0 && digits > 1) {
            m /= 10;
            digits--;
        }
        return e10 >= -5 && e10 < 15 ? plain(out, pos, m, digits, e10) : scientific(out, pos, m, digits, e10);
    }

    /** {@code m} has {@code digits} digits, the first of which has weight 10^e10. */
    private static int plain(byte[] out, int pos, long m, int digits, int e10) {
        if (e10 < 0) {
            out[pos++] = '0';
            out[pos++] = '.';
            for (int i = -1; i > e10; i--) {
                out[pos++] = '0';
            }
            return digitsOf(out, pos, m, digits);
        }
        int intDigits = e10 + 1;
        if (digits <= intDigits) {
            pos = digitsOf(out, pos, m, digits);
            for (int i = digits; i < intDigits; i++) {
                out[pos++] = '0';
            }
            return pos;
        }
        // the digits, then the fraction moved one place right to make room for the point
        int end = digitsOf(out, pos, m, digits);
        System.arraycopy(out, pos + intDigits, out, pos + intDigits + 1, digits - intDigits);
        out[pos + intDigits] = '.';
        return end + 1;
    }

    private static int scientific(byte[] out, int pos, long m, int digits, int e10) {
        int end = digitsOf(out, pos + 1, m, digits); // written one place right, the first digit moves back
        out[pos] = out[pos + 1];
        if (digits > 1) {
            out[pos + 1] = '.';
        } else {
            end--;
        }
        out[end++] = 'E';
        if (e10 < 0) {
            out[end++] = '-';
            e10 = -e10;
        }
        int len = e10 >= 100 ? 3 : e10 >= 10 ? 2 : 1;
        return digitsOf(out, end, e10, len);
    }

    /** The number of decimal digits of {@code v >= 0}. */
    static int digitCount(long v) {
        int n = 1;
        for (long p = 10; n < 19 && v >= p; p *= 10) {
            n++;
        }
        return n;
    }

    /** "00" to "99": two digits per division. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /**
     * Writes the {@code digits} decimal digits of {@code m} (leading zeros if it has fewer): eight at a time split off
     * with one long division, then two per int division (long divisions took most of the writer's time).
     */
    static int digitsOf(byte[] out, int pos, long m, int digits) {
        int end = pos + digits;
        int i = end;
        while (i - pos > 8) {
            long q = m / 100_000_000L;
            intDigits(out, i - 8, (int) (m - q * 100_000_000L), 8);
            m = q;
            i -= 8;
        }
        intDigits(out, pos, (int) m, i - pos);
        return end;
    }

    private static void intDigits(byte[] out, int pos, int m, int digits) {
        int i = pos + digits;
        while (i - pos >= 2) {
            int q = m / 100;
            int pair = 2 * (m - 100 * q);
            m = q;
            out[--i] = PAIRS[pair + 1];
            out[--i] = PAIRS[pair];
        }
        if (i > pos) {
            out[--i] = (byte) ('0' + m);
        }
    }
}
