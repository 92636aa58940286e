package dev.streamcast.app.forecast;

/**
 * Per-series autoregression of the smoothing bank's one-step errors (on the bank's scale), fitted online by
 * recursive least squares with forgetting. Exponential smoothing leaves autocorrelated errors wherever the series has
 * short-term dynamics it cannot express (ARIMA's edge); this predicts the next errors from the last {@link #LAGS}
 * and the forecast adds them. It is used only while it has recently beaten the bank alone (mean absolute error over
 * the candidates' memory), so a series with white errors (a random walk) keeps the bank's forecast.
 *
 * <p>The model lives in one array of {@link #SIZE} doubles (see the offsets); per point O(LAGS²), no allocation.
 */
final class ErrorAr {

    static final int LAGS = 3;
    /** Weight kept by past squared errors per point: about 500 points of memory. */
    static final double FORGET = 1 - 1.0 / 500;
    /** The prior: the coefficients start at 0 with the weight of this share of one typical point. */
    private static final double PRIOR = 0.01;

    private static final int COEF = 0;
    private static final int COV = COEF + LAGS;
    /** Recent errors, newest first. */
    private static final int LAG = COV + LAGS * LAGS;
    private static final int SEEN = LAG + LAGS;
    /** Recent mean absolute error of the bank alone, and with the correction. */
    private static final int RANK_BANK = SEEN + 1;
    private static final int RANK_AR = RANK_BANK + 1;
    static final int SIZE = RANK_AR + 1;

    private ErrorAr() {
    }

    /** Whether the correction is in use: enough errors to fit and a lower recent error than the bank alone. */
    static boolean active(double[] m) {
        return m[SEEN] > 2 * LAGS && m[RANK_AR] < m[RANK_BANK];
    }

    /** The correction of the one-step forecast: the predicted next error, or 0 when not in use. */
    static double next(double[] m) {
        return active(m) ? predictNext(m) : 0;
    }

    /** The predicted next error, bounded by the largest of the last errors (see {@link #forecast}). */
    private static double predictNext(double[] m) {
        double bound = 0;
        for (int i = 0; i < LAGS; i++) {
            bound = Math.max(bound, Math.abs(m[LAG + i]));
        }
        return Math.max(-bound, Math.min(bound, regression(m)));
    }

    /** The autoregression's value at the last errors. */
    private static double regression(double[] m) {
        double p = 0;
        for (int i = 0; i < LAGS; i++) {
            p += m[COEF + i] * m[LAG + i];
        }
        return p;
    }

    /**
     * Fills {@code out} with the corrections for 1..out.length steps ahead (predicted errors fed back as lags), all
     * 0 when not in use; {@code scratch} holds at least LAGS + out.length values. Each is bounded by the largest of
     * the last errors, so coefficients fitted outside the stationary region cannot explode over a long horizon.
     */
    static void forecast(double[] m, double[] out, double[] scratch) {
        if (!active(m)) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        int h = out.length;
        double bound = 0;
        // Oldest first: the last errors, then the predictions.
        for (int i = 0; i < LAGS; i++) {
            scratch[LAGS - 1 - i] = m[LAG + i];
            bound = Math.max(bound, Math.abs(m[LAG + i]));
        }
        for (int k = 0; k < h; k++) {
            double p = 0;
            for (int i = 0; i < LAGS; i++) {
                p += m[COEF + i] * scratch[LAGS + k - 1 - i];
            }
            p = Math.max(-bound, Math.min(bound, p));
            scratch[LAGS + k] = p;
            out[k] = p;
        }
    }

    /**
     * Learns from the bank's error {@code e} at a point; {@code weight} is the candidates' rank weight, {@code
     * scratch} holds at least LAGS values. An imputed point shifts its predicted error in and learns nothing.
     */
    static void update(double[] m, double e, boolean imputed, double weight, double[] scratch) {
        double predicted = predictNext(m);
        if (imputed) {
            push(m, predicted);
            return;
        }
        if (m[SEEN] >= LAGS) {
            if (m[SEEN] == LAGS) {
                start(m);
            }
            m[RANK_BANK] += weight * (Math.abs(e) - m[RANK_BANK]);
            m[RANK_AR] += weight * (Math.abs(e - predicted) - m[RANK_AR]);
            learn(m, e - regression(m), scratch);
        }
        m[SEEN]++;
        push(m, e);
    }

    /** The prior covariance, once the first lags are known: a vague start on the errors' own scale. */
    private static void start(double[] m) {
        double ss = 0;
        for (int i = 0; i < LAGS; i++) {
            ss += m[LAG + i] * m[LAG + i];
        }
        double p = ss > 0 ? LAGS / (PRIOR * ss) : 1 / PRIOR;
        for (int i = 0; i < LAGS; i++) {
            m[COV + i * LAGS + i] = p;
        }
    }

    /** One RLS step on the current lags with residual {@code r}; {@code gain} holds at least LAGS values. */
    private static void learn(double[] m, double r, double[] gain) {
        double denom = FORGET;
        for (int i = 0; i < LAGS; i++) {
            gain[i] = covTimesLags(m, i);
            denom += m[LAG + i] * gain[i];
        }
        if (!(denom > 0) || !Double.isFinite(denom)) {
            return;
        }
        for (int i = 0; i < LAGS; i++) {
            gain[i] /= denom;
            m[COEF + i] += gain[i] * r;
        }
        // P = (P - g x'P) / lambda; P is symmetric, so x'P is the gain times denom.
        for (int i = 0; i < LAGS; i++) {
            for (int j = 0; j < LAGS; j++) {
                m[COV + i * LAGS + j] = (m[COV + i * LAGS + j] - gain[i] * gain[j] * denom) / FORGET;
            }
        }
    }

    /** Row {@code i} of the covariance times the lags. */
    private static double covTimesLags(double[] m, int i) {
        double g = 0;
        for (int j = 0; j < LAGS; j++) {
            g += m[COV + i * LAGS + j] * m[LAG + j];
        }
        return g;
    }

    private static void push(double[] m, double e) {
        for (int i = LAGS - 1; i > 0; i--) {
            m[LAG + i] = m[LAG + i - 1];
        }
        m[LAG] = e;
    }
}
