package dev.streamcast.loadgen.produce;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonBytesTest {

    static String text(JsonBytes j) {
        return new String(j.toArray(), StandardCharsets.US_ASCII);
    }

    @Test
    void writesIntegers() {
        JsonBytes j = new JsonBytes();
        for (long v : new long[] {0, 7, -7, 1_704_067_200_000L, Long.MAX_VALUE, Long.MIN_VALUE, -1}) {
            assertEquals(Long.toString(v), text(j.reset().number(v)));
        }
    }

    @Test
    void decimalsReadBackWithinRounding() {
        JsonBytes j = new JsonBytes();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-8, 12));
            double back = Double.parseDouble(text(j.reset().decimal(v)));
            assertEquals(v, back, 5e-7 + Math.abs(v) * 1e-15, "for " + v);
        }
        assertEquals("12.5", text(j.reset().decimal(12.5)));
        assertEquals("-0.000001", text(j.reset().decimal(-0.000001)));
        assertEquals("3", text(j.reset().decimal(3.0)));
        assertEquals("0", text(j.reset().decimal(-0.0000001)));
        assertEquals("1.0E15", text(j.reset().decimal(1e15)));
    }

    @Test
    void exactKeepsEveryDigit() {
        JsonBytes j = new JsonBytes();
        assertEquals(1.23456789012e-7, Double.parseDouble(text(j.reset().exact(1.23456789012e-7))));
    }

    @Test
    void growsPastItsInitialSize() {
        JsonBytes j = new JsonBytes();
        j.repeat('x', 10_000).put('y');
        assertEquals(10_001, j.length());
    }
}
