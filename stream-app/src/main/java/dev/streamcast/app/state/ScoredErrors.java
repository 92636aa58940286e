package dev.streamcast.app.state;

/**
 * The 16-bit form of a scored error (an absolute one-step error in scale units, never negative): a float's 8
 * exponent bits and its 8 leading mantissa bits, rounded to nearest. That keeps a float's range with a relative
 * precision of 2^-9 (0.2%), far finer than an interval quantile estimated from 100 errors, at half the bytes.
 * {@link SeriesState#pushError} rounds on the way in, so what is stored is exactly what is kept in memory.
 */
public final class ScoredErrors {

    /** Larger errors are clamped to this, so rounding never carries into infinity's exponent (errors stop at 1e6). */
    private static final float LARGEST = Float.intBitsToFloat(0x7F7F8000 - 1);

    private ScoredErrors() {
    }

    /** The 16-bit form of {@code e}; negatives and NaN become 0, values beyond the range the largest one. */
    public static char toBits(float e) {
        if (!(e > 0)) {
            return 0;
        }
        float f = Math.min(e, LARGEST);
        return (char) ((Float.floatToRawIntBits(f) + 0x4000) >>> 15);
    }

    public static float fromBits(char bits) {
        return Float.intBitsToFloat(bits << 15);
    }

    /** {@code e} at the precision it is stored with. */
    public static float round(double e) {
        return fromBits(toBits((float) e));
    }
}
