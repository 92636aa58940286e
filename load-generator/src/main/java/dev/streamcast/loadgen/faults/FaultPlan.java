package dev.streamcast.loadgen.faults;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The share of records of each fault kind, drawn independently per record from its own seeded random stream (so
 * changing fault fractions does not change the series values).
 *
 * <p>{@link FaultKind#LATE}, {@link FaultKind#DUPLICATE} and {@link FaultKind#GAP} need an earlier valid record of
 * the same series ({@link FaultKind#needsEarlierValue()}); when there is none the record is sent clean instead, so
 * their realised share is slightly below the set one on the first pass over the keys.
 */
public final class FaultPlan {

    private final EnumMap<FaultKind, Double> fractions;
    private final FaultKind[] kinds;
    private final double[] cumulative;
    private final SplittableRandom rng;

    public FaultPlan(Map<FaultKind, Double> fractions, long seed) {
        this.fractions = new EnumMap<>(FaultKind.class);
        double total = 0;
        for (Map.Entry<FaultKind, Double> e : fractions.entrySet()) {
            double f = e.getValue();
            if (e.getKey() == FaultKind.NONE || f == 0) {
                continue;
            }
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("the " + e.getKey().label() + " fraction must be in [0, 1], not " + f);
            }
            this.fractions.put(e.getKey(), f);
            total += f;
        }
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("fault fractions add up to " + total + ", more than 1");
        }
        this.kinds = this.fractions.keySet().toArray(new FaultKind[0]);
        this.cumulative = new double[kinds.length];
        double c = 0;
        for (int i = 0; i < kinds.length; i++) {
            c += this.fractions.get(kinds[i]);
            cumulative[i] = c;
        }
        this.rng = new SplittableRandom(seed ^ 0xFA017L);
    }

    public static FaultPlan none() {
        return new FaultPlan(Map.of(), 0);
    }

    /** The kind of the next record. */
    public FaultKind draw() {
        if (kinds.length == 0) {
            return FaultKind.NONE;
        }
        double u = rng.nextDouble();
        for (int i = 0; i < kinds.length; i++) {
            if (u < cumulative[i]) {
                return kinds[i];
            }
        }
        return FaultKind.NONE;
    }

    /** A uniform draw from the fault stream, for choosing among variants of a fault. */
    public int variant(int bound) {
        return rng.nextInt(bound);
    }

    public double fraction(FaultKind kind) {
        return fractions.getOrDefault(kind, 0.0);
    }

    public boolean isEmpty() {
        return kinds.length == 0;
    }
}
