package dev.streamcast.app.forecast;

/**
 * Recursive least squares with forgetting, on a model kept inside a series' state array: the coefficients at
 * {@code coef} and the covariance, row after row of {@code stride}, at {@code cov}. Shared by {@link ErrorAr} and
 * {@link ChangeAr}; no allocation.
 */
final class RecursiveLeastSquares {

    private RecursiveLeastSquares() {
    }

    /**
     * The prior covariance, a vague start on the regressors' own scale: {@code prior} of one typical point's weight,
     * the typical square taken from {@code values} known ones summing to {@code sumSquares} (1 when all are 0).
     */
    static void start(double[] m, int cov, int stride, int values, double sumSquares, double prior) {
        double p = sumSquares > 0 ? values / (prior * sumSquares) : 1 / prior;
        for (int i = 0; i < stride; i++) {
            m[cov + i * stride + i] = p;
        }
    }

    /** The prediction: the coefficients times the regressors {@code x[0..q)}. */
    static double predict(double[] m, int coef, double[] x, int q) {
        double p = 0;
        for (int i = 0; i < q; i++) {
            p += m[coef + i] * x[i];
        }
        return p;
    }

    /**
     * One step on regressors {@code x[0..q)} with residual {@code r}; the gain goes to {@code x[stride..stride+q)}.
     * Regressors that are all zero carry no information: nothing changes (forgetting would inflate the covariance).
     */
    static void learn(double[] m, int coef, int cov, int stride, double[] x, int q, double r, double forget) {
        double denom = forget;
        for (int i = 0; i < q; i++) {
            double g = 0;
            for (int j = 0; j < q; j++) {
                g += m[cov + i * stride + j] * x[j];
            }
            x[stride + i] = g;
            denom += x[i] * g;
        }
        if (!(denom > forget) || !Double.isFinite(denom)) {
            return;
        }
        for (int i = 0; i < q; i++) {
            x[stride + i] /= denom;
            m[coef + i] += x[stride + i] * r;
        }
        // P = (P - g x'P) / lambda; P is symmetric, so x'P is the gain times denom.
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                m[cov + i * stride + j] = (m[cov + i * stride + j] - x[stride + i] * x[stride + j] * denom) / forget;
            }
        }
    }
}
