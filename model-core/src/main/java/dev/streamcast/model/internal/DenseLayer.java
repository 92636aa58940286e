package dev.streamcast.model.internal;

import java.util.List;

/** Keras Dense: y = act(h.W + b), kernel [In][O]. Applied row by row (rows = samples, or samples x steps). */
public final class DenseLayer {
    public final String name;
    public final int inputSize;
    public final int units;
    public final Activation activation;
    public final Param kernel;
    public final Param bias;

    private double[] out;
    private double[] dIn;
    private int rows;

    public DenseLayer(String name, int inputSize, int units, Activation activation) {
        this.name = name;
        this.inputSize = inputSize;
        this.units = units;
        this.activation = activation;
        this.kernel = new Param(name + "/kernel", new int[] {inputSize, units}, new double[inputSize * units]);
        this.bias = new Param(name + "/bias", new int[] {units}, new double[units]);
    }

    public List<Param> params() {
        return List.of(kernel, bias);
    }

    /** One row: out[outOff..+O) = act(b + in.W). Shared by batch forward and streaming. */
    public void row(double[] in, int inOff, double[] o, int oOff) {
        int n = units;
        double[] w = kernel.value;
        System.arraycopy(bias.value, 0, o, oOff, n);
        if (n == 1) {
            // single output (the common forecasting head): a dot product with 4 independent partial sums
            int m = inputSize;
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            int i = 0;
            for (; i + 3 < m; i += 4) {
                s0 += in[inOff + i] * w[i];
                s1 += in[inOff + i + 1] * w[i + 1];
                s2 += in[inOff + i + 2] * w[i + 2];
                s3 += in[inOff + i + 3] * w[i + 3];
            }
            for (; i < m; i++) {
                s0 += in[inOff + i] * w[i];
            }
            o[oOff] += (s0 + s1) + (s2 + s3);
        } else {
            for (int i = 0; i < inputSize; i++) {
                Vec.axpy(in[inOff + i], w, i * n, o, oOff, n);
            }
        }
        activation.applyInPlace(o, oOff, n);
    }

    public double[] forward(double[] in, int inOff, int nRows) {
        rows = nRows;
        out = Vec.ensure(out, nRows * units);
        for (int r = 0; r < nRows; r++) {
            row(in, inOff + r * inputSize, out, r * units);
        }
        return out;
    }

    public double[] output() {
        return out;
    }

    /** dOut ([rows][O], overwritten with the pre-activation gradient); returns dIn [rows][In] if wanted. */
    public double[] backward(double[] in, int inOff, double[] dOut, boolean wantDIn) {
        int n = units;
        int m = inputSize;
        double[] w = kernel.value;
        double[] gw = kernel.grad;
        double[] gb = bias.grad;
        if (wantDIn) {
            dIn = Vec.ensure(dIn, rows * m);
        }
        for (int r = 0; r < rows; r++) {
            int d = r * n;
            activation.multiplyDeriv(dOut, d, out, d, n);
            Vec.add(dOut, d, gb, 0, n);
            int x = inOff + r * m;
            if (n == 1) {
                Vec.axpy(dOut[d], in, x, gw, 0, m);
            } else {
                for (int i = 0; i < m; i++) {
                    Vec.axpy(in[x + i], dOut, d, gw, i * n, n);
                }
            }
            if (wantDIn) {
                for (int i = 0; i < m; i++) {
                    double s = 0.0;
                    for (int o = 0; o < n; o++) {
                        s += dOut[d + o] * w[i * n + o];
                    }
                    dIn[r * m + i] = s;
                }
            }
        }
        return dIn;
    }
}
