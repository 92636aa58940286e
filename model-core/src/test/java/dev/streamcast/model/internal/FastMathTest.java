package dev.streamcast.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FastMathTest {

    @Test
    void tanhAndSigmoidAreAccurate() {
        double worstT = 0;
        double worstS = 0;
        for (double x = -60; x <= 60; x += 1e-3) {
            worstT = Math.max(worstT, Math.abs(FastMath.tanh(x) - Math.tanh(x)));
            worstS = Math.max(worstS, Math.abs(FastMath.sigmoid(x) - 1.0 / (1.0 + Math.exp(-x))));
        }
        assertTrue(worstT < 2e-14, "tanh abs error " + worstT);
        assertTrue(worstS < 2e-14, "sigmoid abs error " + worstS);
        assertEquals(1.0, FastMath.tanh(1e6));
        assertEquals(-1.0, FastMath.tanh(-1e6));
        assertEquals(0.0, FastMath.tanh(0.0));
        assertTrue(Double.isNaN(FastMath.tanh(Double.NaN)));
        assertTrue(Double.isNaN(FastMath.sigmoid(Double.NaN)));
    }

    @Test
    void arrayVersionsAreBitIdenticalToScalar() {
        double[] a = new double[1000];
        double[] b = new double[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i - 500) * 0.037;
            b[i] = a[i];
        }
        double[] c = a.clone();
        FastMath.tanhInPlace(a, 3, 990);
        FastMath.sigmoidInPlace(c, 0, 1000);
        for (int i = 0; i < a.length; i++) {
            double t = (i >= 3 && i < 993) ? FastMath.tanh(b[i]) : b[i];
            assertEquals(Double.doubleToRawLongBits(t), Double.doubleToRawLongBits(a[i]));
            assertEquals(Double.doubleToRawLongBits(FastMath.sigmoid(b[i])), Double.doubleToRawLongBits(c[i]));
        }
    }
}
