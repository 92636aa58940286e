package dev.streamcast.model.internal;

/** Tiny dense kernels written so C2 vectorises the inner loop (contiguous, unit stride, no branches). */
public final class Vec {
    private Vec() {
    }

    /**
     * y[from..to) += a * x[from..to). Both arrays use the SAME index: JDK 17's SuperWord only vectorises when it can
     * prove the references share alignment, which fails for two different unknown offsets (see axpy).
     */
    public static void axpyRange(double a, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += a * x[i];
        }
    }

    /**
     * z[from..to) += sum_{i<n} m[mOff + i*mStride] * rows[rowOff + i][from..to). Four rows per pass over z: half the
     * loads/stores of z compared with n separate axpys, and still a same-index loop that C2 vectorises.
     */
    public static void gemvRows(double[] m, int mOff, int mStride, int n, double[][] rows, int rowOff, double[] z,
                                int from, int to) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            int mo = mOff + i * mStride;
            double m0 = m[mo];
            double m1 = m[mo + mStride];
            double m2 = m[mo + 2 * mStride];
            double m3 = m[mo + 3 * mStride];
            double[] r0 = rows[rowOff + i];
            double[] r1 = rows[rowOff + i + 1];
            double[] r2 = rows[rowOff + i + 2];
            double[] r3 = rows[rowOff + i + 3];
            for (int j = from; j < to; j++) {
                z[j] += m0 * r0[j] + m1 * r1[j] + m2 * r2[j] + m3 * r3[j];
            }
        }
        for (; i < n; i++) {
            axpyRange(m[mOff + i * mStride], rows[rowOff + i], z, from, to);
        }
    }

    /** z[0..n) = bias[0..n) + x[xOff..xOff+f) . k — one pass for the common single-feature case (same bits). */
    public static void biasPlusInput(double[] bias, double[] x, int xOff, int f, double[][] k, double[] z, int n) {
        if (f == 1) {
            double x0 = x[xOff];
            double[] k0 = k[0];
            for (int j = 0; j < n; j++) {
                z[j] = bias[j] + x0 * k0[j];
            }
        } else {
            System.arraycopy(bias, 0, z, 0, n);
            gemvRows(x, xOff, 1, f, k, 0, z, 0, n);
        }
    }

    /** y[from..to) += x[from..to), same index on both arrays (vectorises). */
    public static void addRange(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += x[i];
        }
    }

    /** Splits a row-major [rows][cols] flat matrix into row arrays (each starting at index 0, see axpyRange). */
    public static void toRows(double[] src, int rows, int cols, double[][] dst) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, r * cols, dst[r], 0, cols);
        }
    }

    public static void fromRows(double[][] src, int rows, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src[r], 0, dst, r * cols, cols);
        }
    }

    /** Column-transposed rows: dst[c][r] = src[r*cols + c]. */
    public static void toTransposedRows(double[] src, int rows, int cols, double[][] dst) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c][r] = src[r * cols + c];
            }
        }
    }

    /** y[yOff..yOff+n) += a * x[xOff..xOff+n) (scalar on JDK 17 when the offsets differ; use for short loops). */
    public static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }

    /** y[yOff..yOff+n) += x[xOff..xOff+n) */
    public static void add(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    /** Transposes a row-major [rows][cols] matrix into dst [cols][rows]. */
    public static void transpose(double[] src, int rows, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[r * cols + c];
            }
        }
    }

    /** Transposes the column block [c0, c0+nc) of a row-major [rows][cols] matrix into dst [nc][rows]. */
    public static void transposeBlock(double[] src, int rows, int cols, int c0, int nc, double[] dst) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < nc; c++) {
                dst[c * rows + r] = src[r * cols + c0 + c];
            }
        }
    }

    public static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Grows a workspace array only when needed, so steady-state training does not allocate. */
    public static double[] ensure(double[] a, int n) {
        return (a != null && a.length >= n) ? a : new double[n];
    }
}
