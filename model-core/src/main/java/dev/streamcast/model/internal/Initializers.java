package dev.streamcast.model.internal;

/** Keras default initialisers: glorot_uniform kernels, orthogonal recurrent kernels, zero biases. */
public final class Initializers {
    private Initializers() {
    }

    /** glorot_uniform for a [fanIn][fanOut] matrix: U(-l, l), l = sqrt(6 / (fanIn + fanOut)). */
    public static void glorotUniform(double[] w, int fanIn, int fanOut, SplitMix64 rng) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < w.length; i++) {
            w[i] = (2.0 * rng.uniform() - 1.0) * limit;
        }
    }

    /**
     * Keras Orthogonal(gain 1) for a [rows][cols] matrix: QR of a normal (max, min) matrix, columns sign-fixed so
     * diag(R) > 0, transposed when rows < cols. Gram-Schmidt (twice, for stability) yields exactly that Q.
     */
    public static void orthogonal(double[] w, int rows, int cols, SplitMix64 rng) {
        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        double[] a = new double[m * n];   // column-major: column j at a[j*m ..]
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[j * m + i] = rng.gaussian();
            }
        }
        for (int j = 0; j < n; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0.0;
                    for (int i = 0; i < m; i++) {
                        dot += a[k * m + i] * a[j * m + i];
                    }
                    for (int i = 0; i < m; i++) {
                        a[j * m + i] -= dot * a[k * m + i];
                    }
                }
            }
            double norm = 0.0;
            for (int i = 0; i < m; i++) {
                norm += a[j * m + i] * a[j * m + i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                a[j * m + i] /= norm;
            }
        }
        // q is m x n (q[i][j] = a[j*m+i]); result is q if rows >= cols, else q^T
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[r * cols + c] = rows >= cols ? a[c * m + r] : a[r * m + c];
            }
        }
    }
}
