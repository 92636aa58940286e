package dev.streamcast.app.record;

/**
 * Writes a finite double rounded to {@link #DIGITS} significant digits as a JSON number, with long arithmetic only.
 * Forecast numbers need no more (their uncertainty is many orders larger), and the shortest-round-trip writers
 * (Schubfach, for doubles or floats) took a sixth of the stream thread's time for the 19 numbers of a forecast.
 * Plain notation from 1e-5 up to 1e15, scientific ({@code 1.2345678E20}) outside.
 */
final class SignificantDigits {

    static final int DIGITS = 8;
    private static final long LOW = 10_000_000L;     // 10^(DIGITS-1)
    private static final long HIGH = 100_000_000L;   // 10^DIGITS
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

    /** Appends {@code d} (finite) rounded to {@link #DIGITS} significant digits. */
    static void append(StringBuilder sb, double d) {
        append(sb, d, new char[DIGITS]);
    }

    /** As {@link #append(StringBuilder, double)}, with a caller's buffer of {@link #DIGITS} chars. */
    static void append(StringBuilder sb, double d, char[] buffer) {
        if (d == 0) {
            sb.append('0');
            return;
        }
        if (d < 0) {
            sb.append('-');
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
        int shift = DIGITS - 1 - e10;             // d * 10^shift lies in [LOW, HIGH)
        double scaled = shift >= 0 ? (shift <= 308 ? d * pow10(shift) : d * pow10(308) * pow10(shift - 308))
                : d / pow10(-shift);
        long m = Math.round(scaled);
        if (m >= HIGH) {                           // rounded up to the next power of ten
            m /= 10;
            e10++;
        }
        int digits = DIGITS;
        while (m % 10 == 0 && digits > 1) {
            m /= 10;
            digits--;
        }
        if (e10 >= -5 && e10 < 15) {
            plain(sb, digitsOf(m, digits, buffer), digits, e10);
        } else {
            scientific(sb, digitsOf(m, digits, buffer), digits, e10);
        }
    }

    /** {@code c} holds {@code digits} digits, the first of which has weight 10^e10. */
    private static void plain(StringBuilder sb, char[] c, int digits, int e10) {
        if (e10 < 0) {
            sb.append("0.");
            for (int i = -1; i > e10; i--) {
                sb.append('0');
            }
            sb.append(c, 0, digits);
            return;
        }
        int intDigits = e10 + 1;
        if (digits <= intDigits) {
            sb.append(c, 0, digits);
            for (int i = digits; i < intDigits; i++) {
                sb.append('0');
            }
            return;
        }
        sb.append(c, 0, intDigits).append('.').append(c, intDigits, digits - intDigits);
    }

    private static void scientific(StringBuilder sb, char[] c, int digits, int e10) {
        sb.append(c[0]);
        if (digits > 1) {
            sb.append('.').append(c, 1, digits - 1);
        }
        sb.append('E').append(e10);
    }

    /** The decimal digits of {@code m}, most significant first (divisions by the constant 10 compile to multiplies). */
    private static char[] digitsOf(long m, int digits, char[] c) {
        for (int i = digits - 1; i >= 0; i--) {
            c[i] = (char) ('0' + m % 10);
            m /= 10;
        }
        return c;
    }
}
