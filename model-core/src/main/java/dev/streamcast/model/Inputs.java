package dev.streamcast.model;

/** Validation and layout conversion of user arrays; fails fast with messages that name the offending index. */
final class Inputs {
    private Inputs() {
    }

    /** Checks x[batch][time][features] and returns T. */
    static int checkX(double[][][] x, int features) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("x is empty: need at least one sample, shape [batch][time][features]");
        }
        int t = -1;
        for (int b = 0; b < x.length; b++) {
            double[][] s = x[b];
            if (s == null) {
                throw new IllegalArgumentException("x[" + b + "] is null");
            }
            if (t < 0) {
                t = s.length;
                if (t == 0) {
                    throw new IllegalArgumentException("x[0] has 0 time steps; need at least 1");
                }
            } else if (s.length != t) {
                throw new IllegalArgumentException("x[" + b + "] has " + s.length + " time steps but x[0] has " + t
                        + "; all samples must have the same length");
            }
            for (int i = 0; i < t; i++) {
                double[] v = s[i];
                if (v == null) {
                    throw new IllegalArgumentException("x[" + b + "][" + i + "] is null");
                }
                if (v.length != features) {
                    throw new IllegalArgumentException("x[" + b + "][" + i + "] has " + v.length
                            + " features but the model expects " + features);
                }
                for (int f = 0; f < features; f++) {
                    if (!Double.isFinite(v[f])) {
                        throw new IllegalArgumentException("x[" + b + "][" + i + "][" + f + "] is " + v[f]
                                + "; inputs must be finite");
                    }
                }
            }
        }
        return t;
    }

    /** Checks a flat sample-major x of whole samples and returns their number. */
    static int checkFlatX(double[] x, int t, int features) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (t < 1) {
            throw new IllegalArgumentException("timeSteps must be >= 1, got " + t);
        }
        int per = t * features;
        if (x.length == 0 || x.length % per != 0) {
            throw new IllegalArgumentException("x has " + x.length + " values, not a positive multiple of timeSteps ("
                    + t + ") x features (" + features + ")");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] (sample " + i / per + ") is " + x[i]
                        + "; inputs must be finite");
            }
        }
        return x.length / per;
    }

    /** Checks a flat sample-major y of {@code batch} rows of {@code outputs}. */
    static void checkFlatY(double[] y, int batch, int outputs) {
        if (y == null) {
            throw new IllegalArgumentException("y must not be null");
        }
        if (y.length != batch * outputs) {
            throw new IllegalArgumentException("y has " + y.length + " values but x has " + batch + " samples of "
                    + outputs + " outputs");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] is " + y[i] + "; targets must be finite");
            }
        }
    }

    static void checkY2(double[][] y, int batch, int outputs) {
        if (y == null) {
            throw new IllegalArgumentException("y must not be null");
        }
        if (y.length != batch) {
            throw new IllegalArgumentException("y has " + y.length + " samples but x has " + batch);
        }
        for (int b = 0; b < batch; b++) {
            checkRow(y[b], outputs, "y[" + b + "]");
        }
    }

    static void checkY3(double[][][] y, int batch, int t, int outputs) {
        if (y == null) {
            throw new IllegalArgumentException("y must not be null");
        }
        if (y.length != batch) {
            throw new IllegalArgumentException("y has " + y.length + " samples but x has " + batch);
        }
        for (int b = 0; b < batch; b++) {
            if (y[b] == null || y[b].length != t) {
                throw new IllegalArgumentException("y[" + b + "] must have " + t + " time steps (like x), got "
                        + (y[b] == null ? "null" : y[b].length));
            }
            for (int i = 0; i < t; i++) {
                checkRow(y[b][i], outputs, "y[" + b + "][" + i + "]");
            }
        }
    }

    static void checkRow(double[] v, int n, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (v.length != n) {
            throw new IllegalArgumentException(what + " has length " + v.length + " but the model has " + n
                    + " outputs");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + v[i] + "; targets must be finite");
            }
        }
    }

    /** Sample-major flat copy: [N][T][F]. */
    static double[] flattenX(double[][][] x, int t, int f) {
        double[] out = new double[x.length * t * f];
        for (int b = 0; b < x.length; b++) {
            for (int i = 0; i < t; i++) {
                System.arraycopy(x[b][i], 0, out, (b * t + i) * f, f);
            }
        }
        return out;
    }

    /** Sample-major flat copy of 2-D targets: [N][O]. */
    static double[] flattenY2(double[][] y, int o) {
        double[] out = new double[y.length * o];
        for (int b = 0; b < y.length; b++) {
            System.arraycopy(y[b], 0, out, b * o, o);
        }
        return out;
    }

    /** Sample-major flat copy of 3-D targets: [N][T][O]. */
    static double[] flattenY3(double[][][] y, int t, int o) {
        double[] out = new double[y.length * t * o];
        for (int b = 0; b < y.length; b++) {
            for (int i = 0; i < t; i++) {
                System.arraycopy(y[b][i], 0, out, (b * t + i) * o, o);
            }
        }
        return out;
    }
}
