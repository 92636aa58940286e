package dev.streamcast.model.bench;

/** SplitMix64 exactly as in TASKS.md (task data, batch order and event stream). */
final class SplitMix64 {
    private long s;

    SplitMix64(long seed) {
        this.s = seed;
    }

    long next() {
        long z = (s += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double uniform() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    int below(int n) {
        return (int) Long.remainderUnsigned(next(), n);
    }
}
