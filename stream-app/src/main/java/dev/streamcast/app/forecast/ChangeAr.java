package dev.streamcast.app.forecast;

import dev.streamcast.app.state.SeriesState;

import java.util.Arrays;

/**
 * For a series of sub-daily points with a season ({@link #applies}), a seasonal autoregression of the series' own
 * changes on the bank's scale, fitted online by recursive least squares with forgetting: the next change
 * z(t) - z(t-1) from the last {@link #SHORT} changes and the changes around one season ago (lags m-1, m, m+1) and,
 * for a week with a day inside, around one day ago (d-1, d, d+1): a seasonal ARIMA on differences. It reads the
 * day's and the week's shape straight from the last ones, where each phase of the bank's seasonal rings learns once
 * a season. Its forecast is blended with the smoothing forecast by their recent errors ({@link #weight}), so it
 * counts where it has been the better one. Measured on real series: half-hourly electricity demand (the README's
 * accuracy table) 0.939 -> 0.870 of ARIMA's MAE; the same demand summed to hourly points 282.3 -> 267.1 MAE; with a
 * day-long season only (configured, as 15-minute points get it) 154.2 -> 145.2 half-hourly, 519.1 -> 509.9 hourly.
 * For monthly series (lags 1-3, 11-13) the same blend made every one worse (co2 1.002 -> 1.014, elnino 1.012 ->
 * 1.032): a few hundred points fit six coefficients poorly, and the airline candidates already read last year's
 * shape.
 *
 * <p>The model lives in one array of {@link #size} doubles (see the offsets), after {@link ErrorAr}'s in the state's
 * error model, ending with a ring of the last {@code period + 2} changes; per point O(regressors² + period) (the
 * horizon's bound scans the ring), no allocation.
 */
final class ChangeAr {

    /** The last changes regressed on. */
    static final int SHORT = 3;
    /** Regressors at most: the short lags, three around the season and three around the inner cycle. */
    static final int MAX_REGRESSORS = SHORT + 6;
    /** Weight kept by past squared residuals per point: about 2000 points of memory. */
    static final double FORGET = 1 - 1.0 / 2000;
    /** The prior: the coefficients start at 0 with the weight of this share of one typical point. */
    private static final double PRIOR = 0.01;

    private static final int COEF = 0;
    private static final int COV = COEF + MAX_REGRESSORS;
    private static final int SEEN = COV + MAX_REGRESSORS * MAX_REGRESSORS;
    /** Recent mean absolute error of the main (smoothing) forecast and of this model's. */
    private static final int RANK_MAIN = SEEN + 1;
    private static final int RANK_OWN = RANK_MAIN + 1;
    /** The last changes, by point index modulo the ring's length. */
    private static final int RING = RANK_OWN + 1;

    private ChangeAr() {
    }

    private static final long DAY_MS = 24 * 60 * 60_000L;

    /**
     * Whether the series has one: a season (a week with a day inside, a day, or a configured one) of points less
     * than a day apart. Slower series (monthly, daily) have few points per season to fit it on.
     */
    static boolean applies(SeriesState st) {
        return st.period > 0 && st.step > 0 && st.step < DAY_MS;
    }

    /** The model's length for a series with this season. */
    static int size(int period) {
        return RING + period + 2;
    }

    /** Scratch values the methods need beyond the horizon. */
    static int scratch(int horizon) {
        return 2 * MAX_REGRESSORS + horizon;
    }

    /**
     * The lags regressed on for this season and inner cycle, without repeats (a cycle of 2 points would repeat lag
     * 1), into {@code out}; returns how many.
     */
    static int lags(int period, int cycle, int[] out) {
        int q = 0;
        for (int l = 1; l <= SHORT; l++) {
            out[q++] = l;
        }
        q = around(cycle, out, q);
        return around(period, out, q);
    }

    private static int around(int centre, int[] out, int q) {
        for (int l = Math.max(centre - 1, 1); centre > 0 && l <= centre + 1; l++) {
            boolean repeat = false;
            for (int i = 0; i < q; i++) {
                repeat |= out[i] == l;
            }
            if (!repeat) {
                out[q++] = l;
            }
        }
        return q;
    }

    /**
     * The model's array with room for it: {@code m} itself, or a copy grown by an empty model (a series at its
     * second point, when its season is known, or a state stored before this model existed).
     */
    static double[] sized(double[] m, int base, int period) {
        int need = base + size(period);
        return m.length >= need ? m : Arrays.copyOf(m, need);
    }

    /** Whether it has seen enough changes to be scored against the main forecast: two rings' worth. */
    private static boolean ready(double[] m, int base, int period) {
        return m[base + SEEN] > 2.0 * (period + 2);
    }

    /**
     * The share of the main forecast in the blend: 1 while not ready, else the inverse squared recent errors'
     * share (Bates and Granger's weights, without correlation).
     */
    static double weight(double[] m, int base, int period) {
        if (!ready(m, base, period)) {
            return 1;
        }
        double main = m[base + RANK_MAIN];
        double own = m[base + RANK_OWN];
        if (!(main > 0) || !(own > 0)) {
            return main <= own ? 1 : 0;
        }
        // (1/main²) / (1/main² + 1/own²), without overflowing once both errors are tiny (a series stopped moving)
        double w = own * own / (main * main + own * own);
        return Double.isFinite(w) ? w : main <= own ? 1 : 0;
    }

    /** The predicted change at point index {@code t} (the last point being t-1). */
    static double next(double[] m, int base, int period, int[] lags, int q, long t, double[] scratch) {
        regressors(m, base, period, lags, q, t, scratch);
        return RecursiveLeastSquares.predict(m, base + COEF, scratch, q);
    }

    /**
     * Fills {@code out} with the predicted changes at point indices t, t+1, ..., feeding predictions back as lags.
     * All are bounded by the largest change of the last season, so coefficients fitted outside the stationary region
     * cannot explode over a long horizon.
     */
    static void forecast(double[] m, int base, int period, int[] lags, int q, long t, double[] out,
                         double[] scratch) {
        int ring = period + 2;
        double bound = bound(m, base, period);
        for (int k = 0; k < out.length; k++) {
            for (int i = 0; i < q; i++) {
                int back = k - lags[i];
                scratch[i] = back >= 0 ? out[back] : m[base + RING + (int) Math.floorMod(t + back, (long) ring)];
            }
            out[k] = Math.max(-bound, Math.min(bound, RecursiveLeastSquares.predict(m, base + COEF, scratch, q)));
        }
    }

    /**
     * Learns the change {@code change} at point index {@code t}, given the main forecast's and this model's errors
     * there. An imputed point stores its predicted change and learns nothing.
     */
    static void update(double[] m, int base, int period, int[] lags, int q, long t, double change, double mainError,
                       double ownError, boolean imputed, double weight, double[] scratch) {
        regressors(m, base, period, lags, q, t, scratch);
        double predicted = RecursiveLeastSquares.predict(m, base + COEF, scratch, q);
        int ring = period + 2;
        if (imputed) {
            double bound = bound(m, base, period);
            m[base + RING + (int) (t % ring)] = Math.max(-bound, Math.min(bound, predicted));
            return;
        }
        if (ready(m, base, period)) {
            m[base + RANK_MAIN] += weight * (Math.abs(mainError) - m[base + RANK_MAIN]);
            m[base + RANK_OWN] += weight * (Math.abs(ownError) - m[base + RANK_OWN]);
        } else if (m[base + SEEN] == 2.0 * (period + 2)) {
            m[base + RANK_MAIN] = Math.abs(mainError);
            m[base + RANK_OWN] = Math.abs(ownError);
        }
        if (m[base + SEEN] == period + 2) {
            start(m, base, period);
        }
        if (m[base + SEEN] >= period + 2) {
            RecursiveLeastSquares.learn(m, base + COEF, base + COV, MAX_REGRESSORS, scratch, q, change - predicted,
                    FORGET);
        }
        m[base + SEEN]++;
        m[base + RING + (int) (t % ring)] = change;
    }

    /** The largest change of the last season: no prediction goes beyond it. */
    private static double bound(double[] m, int base, int period) {
        double bound = 0;
        for (int i = 0; i < period + 2; i++) {
            bound = Math.max(bound, Math.abs(m[base + RING + i]));
        }
        return bound;
    }

    private static void regressors(double[] m, int base, int period, int[] lags, int q, long t, double[] x) {
        int ring = period + 2;
        for (int i = 0; i < q; i++) {
            x[i] = m[base + RING + (int) Math.floorMod(t - lags[i], (long) ring)];
        }
    }

    /** The prior covariance, once a ring of changes is known: a vague start on the changes' own scale. */
    private static void start(double[] m, int base, int period) {
        double ss = 0;
        for (int i = 0; i < period + 2; i++) {
            ss += m[base + RING + i] * m[base + RING + i];
        }
        RecursiveLeastSquares.start(m, base + COV, MAX_REGRESSORS, period + 2, ss, PRIOR);
    }
}
