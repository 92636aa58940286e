package dev.streamcast.model.internal;

import java.util.Locale;

/** Keras activations. Derivatives are expressed through the output y = f(z), which is what BPTT caches. */
public enum Activation {
    TANH("tanh"), SIGMOID("sigmoid"), RELU("relu"), LINEAR("linear");

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }

    public static Activation byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("activation name must not be null; expected one of tanh, sigmoid, relu, linear");
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "tanh": return TANH;
            case "sigmoid": return SIGMOID;
            case "relu": return RELU;
            case "linear": return LINEAR;
            default:
                throw new IllegalArgumentException("unknown activation '" + name
                        + "'; expected one of tanh, sigmoid, relu, linear (hard_sigmoid is not supported)");
        }
    }

    public double apply(double z) {
        switch (this) {
            case TANH: return FastMath.tanh(z);
            case SIGMOID: return FastMath.sigmoid(z);
            case RELU: return z > 0.0 ? z : 0.0;
            default: return z;
        }
    }

    /** Applies in place on a[off, off+len). One switch per call keeps the loop tight. */
    public void applyInPlace(double[] a, int off, int len) {
        int end = off + len;
        switch (this) {
            case TANH:
                FastMath.tanhInPlace(a, off, len);
                break;
            case SIGMOID:
                FastMath.sigmoidInPlace(a, off, len);
                break;
            case RELU:
                for (int i = off; i < end; i++) {
                    a[i] = a[i] > 0.0 ? a[i] : 0.0;
                }
                break;
            default:
                break;
        }
    }

    /** f'(z) given y = f(z). relu'(0) = 0 like Keras/TF. */
    public double derivFromOutput(double y) {
        switch (this) {
            case TANH: return 1.0 - y * y;
            case SIGMOID: return y * (1.0 - y);
            case RELU: return y > 0.0 ? 1.0 : 0.0;
            default: return 1.0;
        }
    }

    /** d[i] *= f'(z) for y[yOff+i]. */
    public void multiplyDeriv(double[] d, int dOff, double[] y, int yOff, int len) {
        switch (this) {
            case TANH:
                for (int i = 0; i < len; i++) {
                    double v = y[yOff + i];
                    d[dOff + i] *= 1.0 - v * v;
                }
                break;
            case SIGMOID:
                for (int i = 0; i < len; i++) {
                    double v = y[yOff + i];
                    d[dOff + i] *= v * (1.0 - v);
                }
                break;
            case RELU:
                for (int i = 0; i < len; i++) {
                    if (!(y[yOff + i] > 0.0)) {
                        d[dOff + i] = 0.0;
                    }
                }
                break;
            default:
                break;
        }
    }
}
