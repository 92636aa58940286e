package dev.streamcast.loadgen.series;

import java.util.random.RandomGenerator;

/**
 * A sensor-like reading: level + daily and weekly seasonality + linear trend + Gaussian noise + rare spikes, with a
 * level jump and a noise change at each regime shift. Parameters are hashed from (seed, series), so the shape of a
 * series does not depend on how many others there are; they are cached per series (7 doubles) to keep the hot loop
 * cheap.
 */
public final class SensorShape {

    private static final double DAY_MS = 86_400_000.0;
    private static final double WEEK_MS = 7 * DAY_MS;
    private static final int PARAMS = 7;

    private final long seed;
    private final double spikeProbability;
    private final double shiftSize;
    private final RegimeShifts shifts;
    /** PARAMS per series; a level of 0 marks a slot not filled yet (levels are at least 5). */
    private final double[] params;

    /**
     * @param spikeProbability chance that a reading carries a spike
     * @param shiftSize        standard deviation of the level jump at a regime shift, relative to the level
     */
    public SensorShape(long seed, double spikeProbability, double shiftSize, RegimeShifts shifts, int seriesCount) {
        this.seed = seed;
        this.spikeProbability = spikeProbability;
        this.shiftSize = shiftSize;
        this.shifts = shifts;
        this.params = new double[seriesCount * PARAMS];
    }

    /** The reading of {@code series} at {@code ts}; {@code start} anchors the trend. */
    public double value(int series, long ts, long start, RandomGenerator rng) {
        int o = series * PARAMS;
        if (params[o] == 0) {
            fill(series, o);
        }
        double level = params[o];
        double dailyAmp = params[o + 1];
        double dailyPhase = params[o + 2];
        double weeklyAmp = params[o + 3];
        double weeklyPhase = params[o + 4];
        double trendPerDay = params[o + 5];
        double noise = params[o + 6];

        int regime = shifts.regimeAt(ts);
        if (regime > 0) {
            level += level * shiftSize * SplitMix.gaussian(seed ^ 0x5EED5L, series, regime);
            noise *= SplitMix.between(seed ^ 0xA015EL, series, regime, 0.5, 2.0);
        }
        double v = level
                + dailyAmp * Math.sin(2 * Math.PI * (Math.floorMod(ts, (long) DAY_MS) / DAY_MS) + dailyPhase)
                + weeklyAmp * Math.sin(2 * Math.PI * (Math.floorMod(ts, (long) WEEK_MS) / WEEK_MS) + weeklyPhase)
                + trendPerDay * ((double) (ts - start) / DAY_MS)
                + noise * rng.nextGaussian();
        if (spikeProbability > 0 && rng.nextDouble() < spikeProbability) {
            double magnitude = dailyAmp + noise * (5 + 5 * rng.nextDouble());
            v += rng.nextBoolean() ? magnitude : -magnitude;
        }
        return v;
    }

    private void fill(int series, int o) {
        double level = SplitMix.between(seed, series, 1, 5, 100);
        params[o] = level;
        params[o + 1] = level * SplitMix.between(seed, series, 2, 0.05, 0.3);
        params[o + 2] = SplitMix.between(seed, series, 3, 0, 2 * Math.PI);
        params[o + 3] = level * SplitMix.between(seed, series, 4, 0.0, 0.15);
        params[o + 4] = SplitMix.between(seed, series, 5, 0, 2 * Math.PI);
        params[o + 5] = level * SplitMix.between(seed, series, 6, -0.003, 0.003);
        params[o + 6] = level * SplitMix.between(seed, series, 7, 0.005, 0.03);
    }
}
