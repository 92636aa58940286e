package dev.streamcast.app.forecast;

import java.util.Arrays;

/**
 * Per-series autoregression of the smoothing bank's one-step errors (on the bank's scale), fitted online by
 * recursive least squares with forgetting. Exponential smoothing leaves autocorrelated errors wherever the series has
 * short-term dynamics it cannot express (ARIMA's edge); this predicts the next errors from the last {@link #LAGS}
 * and, for a series with a double season (sub-daily points), also from the errors one day and one week ago: each
 * phase of the week-long ring learns only once a week, so what it has not learned yet repeats there. The forecast
 * adds the predictions. It is used only while it has recently beaten the bank alone (mean absolute error over the
 * candidates' memory), so a series with white errors (a random walk) keeps the bank's forecast.
 *
 * <p>The model lives in one array of {@link #size} doubles (see the offsets), ending, for a double season, with a
 * ring of the last season's errors; per point O(regressors²), no allocation.
 */
final class ErrorAr {

    static final int LAGS = 3;
    /** Regressors at most: the last errors, the errors one season and one inner cycle ago. */
    static final int MAX_REGRESSORS = LAGS + 2;
    /** Weight kept by past squared errors per point: about 500 points of memory. */
    static final double FORGET = 1 - 1.0 / 500;
    /** The prior: the coefficients start at 0 with the weight of this share of one typical point. */
    private static final double PRIOR = 0.01;

    private static final int COEF = 0;
    private static final int COV = COEF + MAX_REGRESSORS;
    /** Recent errors, newest first. */
    private static final int LAG = COV + MAX_REGRESSORS * MAX_REGRESSORS;
    private static final int SEEN = LAG + LAGS;
    /** Recent mean absolute error of the bank alone, and with the correction. */
    private static final int RANK_BANK = SEEN + 1;
    private static final int RANK_AR = RANK_BANK + 1;
    /** The last season's errors, by phase (point index modulo the season). */
    private static final int RING = RANK_AR + 1;

    private ErrorAr() {
    }

    /** The model's length for a series with this season and inner cycle (0 = none). */
    static int size(int period, int cycle) {
        return RING + (cycle > 0 ? period : 0);
    }

    /** Scratch values the methods need beyond the horizon. */
    static int scratch(int horizon) {
        return 2 * MAX_REGRESSORS + LAGS + horizon;
    }

    /** Whether the correction is in use: enough errors to fit and a lower recent error than the bank alone. */
    static boolean active(double[] m) {
        return m[SEEN] > 2 * LAGS && m[RANK_AR] < m[RANK_BANK];
    }

    /** The correction of the one-step forecast for point index {@code t}: its predicted error, or 0. */
    static double next(double[] m, int period, int cycle, long t, double[] scratch) {
        if (!active(m)) {
            return 0;
        }
        int q = regressors(m, period, cycle, t, scratch);
        return bounded(scratch, q, RecursiveLeastSquares.predict(m, COEF, scratch, q));
    }

    /**
     * Fills {@code out} with the corrections for point indices t, t+1, ... (predicted errors fed back as lags), all
     * 0 when not in use. All are bounded by the largest of the known errors the first one regresses on, so
     * coefficients fitted outside the stationary region cannot explode over a long horizon.
     */
    static void forecast(double[] m, int period, int cycle, long t, double[] out, double[] scratch) {
        if (!active(m)) {
            Arrays.fill(out, 0);
            return;
        }
        double bound = bound(scratch, regressors(m, period, cycle, t, scratch));
        // scratch: the regressors, then the last errors and the predictions, oldest first.
        int past = MAX_REGRESSORS;
        for (int i = 0; i < LAGS; i++) {
            scratch[past + LAGS - 1 - i] = m[LAG + i];
        }
        for (int k = 0; k < out.length; k++) {
            int q = 0;
            for (int i = 0; i < LAGS; i++) {
                scratch[q++] = scratch[past + LAGS + k - 1 - i];
            }
            if (cycle > 0) {
                scratch[q++] = k < period ? m[RING + (int) ((t + k) % period)] : out[k - period];
                scratch[q++] = k < cycle ? m[RING + Math.floorMod(t + k - cycle, period)] : out[k - cycle];
            }
            double p = Math.max(-bound, Math.min(bound, RecursiveLeastSquares.predict(m, COEF, scratch, q)));
            scratch[past + LAGS + k] = p;
            out[k] = p;
        }
    }

    /**
     * Learns from the bank's error {@code e} at point index {@code t}; {@code weight} is the candidates' rank
     * weight. An imputed point shifts its predicted error in and learns nothing.
     */
    static void update(double[] m, int period, int cycle, long t, double e, boolean imputed, double weight,
                       double[] scratch) {
        int q = regressors(m, period, cycle, t, scratch);
        double raw = RecursiveLeastSquares.predict(m, COEF, scratch, q);
        double predicted = bounded(scratch, q, raw);
        if (imputed) {
            remember(m, period, cycle, t, predicted);
            return;
        }
        if (m[SEEN] >= LAGS) {
            if (m[SEEN] == LAGS) {
                start(m);
            }
            m[RANK_BANK] += weight * (Math.abs(e) - m[RANK_BANK]);
            m[RANK_AR] += weight * (Math.abs(e - predicted) - m[RANK_AR]);
            RecursiveLeastSquares.learn(m, COEF, COV, MAX_REGRESSORS, scratch, q, e - raw, FORGET);
        }
        m[SEEN]++;
        remember(m, period, cycle, t, e);
    }

    /** Fills {@code x} with the regressors for point index {@code t}; returns how many there are. */
    private static int regressors(double[] m, int period, int cycle, long t, double[] x) {
        int q = 0;
        for (int i = 0; i < LAGS; i++) {
            x[q++] = m[LAG + i];
        }
        if (cycle > 0) {
            x[q++] = m[RING + (int) (t % period)];
            x[q++] = m[RING + Math.floorMod(t - cycle, period)];
        }
        return q;
    }

    /** {@code p} bounded by the largest of the regressors. */
    private static double bounded(double[] x, int q, double p) {
        double bound = bound(x, q);
        return Math.max(-bound, Math.min(bound, p));
    }

    private static double bound(double[] x, int q) {
        double bound = 0;
        for (int i = 0; i < q; i++) {
            bound = Math.max(bound, Math.abs(x[i]));
        }
        return bound;
    }

    /** The prior covariance, once the first lags are known: a vague start on the errors' own scale. */
    private static void start(double[] m) {
        double ss = 0;
        for (int i = 0; i < LAGS; i++) {
            ss += m[LAG + i] * m[LAG + i];
        }
        RecursiveLeastSquares.start(m, COV, MAX_REGRESSORS, LAGS, ss, PRIOR);
    }

    /** Shifts {@code e} into the last errors and, for a double season, the season's ring. */
    private static void remember(double[] m, int period, int cycle, long t, double e) {
        for (int i = LAGS - 1; i > 0; i--) {
            m[LAG + i] = m[LAG + i - 1];
        }
        m[LAG] = e;
        if (cycle > 0) {
            m[RING + (int) (t % period)] = e;
        }
    }
}
