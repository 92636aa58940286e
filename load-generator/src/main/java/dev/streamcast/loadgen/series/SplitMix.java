package dev.streamcast.loadgen.series;

/**
 * Stateless SplitMix64 hashing: per-series parameters are a pure function of (seed, series, salt), so they need no
 * memory for a million series and are the same however the stream is consumed.
 */
public final class SplitMix {

    private SplitMix() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long hash(long seed, long a, long b) {
        return mix(mix(mix(seed + 0x9E3779B97F4A7C15L) + a * 0x9E3779B97F4A7C15L) + b);
    }

    /** Uniform in [0, 1). */
    public static double unit(long seed, long a, long b) {
        return (hash(seed, a, b) >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public static double between(long seed, long a, long b, double lo, double hi) {
        return lo + (hi - lo) * unit(seed, a, b);
    }

    /** Standard normal (Box-Muller on two hashed uniforms). */
    public static double gaussian(long seed, long a, long b) {
        double u1 = Math.max(unit(seed, a, b * 2 + 1), 1e-300);
        double u2 = unit(seed, a, b * 2 + 2);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
