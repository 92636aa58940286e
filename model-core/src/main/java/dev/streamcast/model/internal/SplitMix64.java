package dev.streamcast.model.internal;

/** SplitMix64: tiny, fast and reproducible in any language (the benchmark tasks use the same generator). */
public final class SplitMix64 {
    private long s;
    private double spare = Double.NaN;

    public SplitMix64(long seed) {
        this.s = seed;
    }

    public long next() {
        long z = (s += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    public int below(int n) {
        return (int) Long.remainderUnsigned(next(), n);
    }

    /** Standard normal (Box-Muller with StrictMath so results do not depend on the CPU). */
    public double gaussian() {
        if (spare == spare) {
            double v = spare;
            spare = Double.NaN;
            return v;
        }
        double u1 = 1.0 - uniform();   // (0, 1]
        double u2 = uniform();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double a = 2.0 * Math.PI * u2;
        spare = r * StrictMath.sin(a);
        return r * StrictMath.cos(a);
    }

    /** Fisher-Yates on p[0..n) (same order of draws as the benchmark task definition). */
    public void shuffle(int[] p, int n) {
        for (int i = n - 1; i > 0; i--) {
            int j = below(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }
}
