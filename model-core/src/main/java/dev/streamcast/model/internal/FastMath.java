package dev.streamcast.model.internal;

/**
 * exp/tanh/sigmoid used by every code path (training, inference, streaming), so all paths agree bit for bit.
 * Math.tanh is a slow fdlibm port on HotSpot; this exp is a range-reduced polynomial accurate to ~1 ulp
 * of double, far below the float32 oracle tolerances.
 */
public final class FastMath {
    private FastMath() {
    }

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;      // high bits of ln 2 (exact product with small k)
    private static final double LN2_LO = 1.9082149292705877e-10;  // ln 2 - LN2_HI
    // 1/n! for n = 2..13 (Horner form below)
    private static final double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720,
            C7 = 1.0 / 5040, C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800,
            C11 = 1.0 / 39916800, C12 = 1.0 / 479001600, C13 = 1.0 / 6227020800.0;

    /** e^x for x clamped to [-708, 708]: results outside that range are irrelevant for tanh/sigmoid. NaN in, NaN out. */
    public static double exp(double x) {
        double xc = x < -708.0 ? -708.0 : (x > 708.0 ? 708.0 : x);
        double k = Math.rint(xc * LOG2E);
        double r = (xc - k * LN2_HI) - k * LN2_LO;             // |r| <= ln2/2
        double p = C13;
        p = p * r + C12;
        p = p * r + C11;
        p = p * r + C10;
        p = p * r + C9;
        p = p * r + C8;
        p = p * r + C7;
        p = p * r + C6;
        p = p * r + C5;
        p = p * r + C4;
        p = p * r + C3;
        p = p * r + C2;
        p = p * r + 1.0;
        p = p * r + 1.0;
        double scale = Double.longBitsToDouble(((long) k + 1023L) << 52);
        return (x != x) ? x : p * scale;
    }

    /** tanh via exp; absolute error ~1e-16 (relative error grows only for |x| below ~1e-8, where tanh(x) ~ x). */
    public static double tanh(double x) {
        if (Math.abs(x) < 0x1p-12) {
            // tanh(x) = x - x^3/3 + 2x^5/15 ...; avoids cancellation for tiny x
            double x2 = x * x;
            return x - x * x2 * (1.0 / 3.0);
        }
        return 1.0 - 2.0 / (exp(2.0 * x) + 1.0);
    }

    /** Logistic sigmoid 1/(1+e^-x) (not hard sigmoid). */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + exp(-x));
    }
}
