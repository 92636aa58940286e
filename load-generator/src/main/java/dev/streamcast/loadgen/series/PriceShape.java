package dev.streamcast.loadgen.series;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Prices as geometric Brownian motion with Markov-switching volatility (a calm and a turbulent regime), plus a new
 * drift and volatility scale at each regime shift. Holds one price and one volatility state per series.
 */
public final class PriceShape {

    private static final double YEAR_MS = 365.25 * 86_400_000.0;
    /** Per-step chance of entering / leaving the turbulent regime. */
    private static final double P_ENTER_TURBULENT = 0.002;
    private static final double P_LEAVE_TURBULENT = 0.02;
    private static final double TURBULENT_FACTOR = 3.0;

    private final long seed;
    private final RegimeShifts shifts;
    private final double[] price;
    private final boolean[] turbulent;

    public PriceShape(long seed, int seriesCount, RegimeShifts shifts) {
        this.seed = seed;
        this.shifts = shifts;
        this.price = new double[seriesCount];
        this.turbulent = new boolean[seriesCount];
        Arrays.fill(price, Double.NaN);
    }

    /** Advances {@code series} by one step of {@code stepMillis} ending at {@code ts} and returns the new price. */
    public double next(int series, long ts, long stepMillis, RandomGenerator rng) {
        if (Double.isNaN(price[series])) {
            price[series] = SplitMix.between(seed, series, 11, 10, 500);
            return price[series];
        }
        int regime = shifts.regimeAt(ts);
        double drift = 0.05 + 0.1 * SplitMix.gaussian(seed, series, 12 + 100L * regime);
        double vol = SplitMix.between(seed, series, 13 + 100L * regime, 0.1, 0.6);
        boolean wild = turbulent[series];
        if (rng.nextDouble() < (wild ? P_LEAVE_TURBULENT : P_ENTER_TURBULENT)) {
            wild = !wild;
            turbulent[series] = wild;
        }
        if (wild) {
            vol *= TURBULENT_FACTOR;
        }
        double dt = stepMillis / YEAR_MS;
        price[series] *= Math.exp((drift - 0.5 * vol * vol) * dt + vol * Math.sqrt(dt) * rng.nextGaussian());
        return price[series];
    }
}
