package dev.streamcast.app.record;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignificantDigitsTest {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static String write(double d) {
        byte[] b = new byte[SignificantDigits.MAX_LENGTH];
        int n = SignificantDigits.write(b, 0, d);
        return new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void writesShortPlainNumbersWhereTheyAreExact() {
        assertEquals("0", write(0.0));
        assertEquals("0", write(-0.0));
        assertEquals("1", write(1.0));
        assertEquals("-0.5", write(-0.5));
        assertEquals("21.37", write(21.37));
        assertEquals("123456790", write(123_456_789.0));
        assertEquals("100000000", write(99_999_999.7), "rounding up to the next power of ten");
        assertEquals("0.00001", write(1e-5));
        assertEquals("1.5E-6", write(1.5e-6));
        assertEquals("1E15", write(1e15));
        assertEquals("123456790000000", write(123_456_789e6));
        assertEquals("3.3333333", write(10.0 / 3));
        assertEquals("-1.7976931E308", write(-Double.MAX_VALUE));
        assertEquals("4.9406565E-324", write(Double.MIN_VALUE));
    }

    @Test
    void everyOutputIsAJsonNumberWithinHalfAUnitOfTheEighthDigit() {
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
                case 1 -> Double.longBitsToDouble(r.nextLong());            // any bit pattern
                case 2 -> Math.round(r.nextGaussian() * 1e4) / 100.0;         // prices with cents
                default -> r.nextInt(2_000_000) - 1_000_000;                   // integers
            };
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = write(d);
            assertTrue(JSON_NUMBER.matcher(s).matches(), s + " is not a JSON number (from " + d + ")");
            double back = Double.parseDouble(s);
            double unit = d == 0 ? 0 : Math.pow(10, Math.floor(Math.log10(Math.abs(d))) - 7);
            assertTrue(Math.abs(back - d) <= 0.5 * unit * (1 + 1e-9) || back == d,
                    d + " written as " + s + " is off by " + Math.abs(back - d));
        }
    }
}
