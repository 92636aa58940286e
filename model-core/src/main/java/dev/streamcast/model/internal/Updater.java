package dev.streamcast.model.internal;

import java.util.List;

/** Optimizer state and Keras 3 update rules (float64). One instance per compiled model; not thread-safe. */
public final class Updater {
    public enum Kind { SGD, RMSPROP, ADAM, ADAM_TFJS }

    private final Kind kind;
    private final double lr;
    private final double rho;
    private final double momentum;
    private final boolean nesterov;
    private final boolean centered;
    private final double epsilon;
    private final double beta1;
    private final double beta2;
    private final double clipnorm;        // per tensor, <= 0 means off
    private final double globalClipnorm;  // over all tensors, <= 0 means off
    private double[][] s1;
    private double[][] s2;
    private double[][] s3;
    private long iterations;

    public Updater(Kind kind, double lr, double rho, double momentum, boolean nesterov, boolean centered,
                   double epsilon, double beta1, double beta2, double clipnorm, double globalClipnorm) {
        this.kind = kind;
        this.lr = lr;
        this.rho = rho;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.centered = centered;
        this.epsilon = epsilon;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.clipnorm = clipnorm;
        this.globalClipnorm = globalClipnorm;
    }

    public long iterations() {
        return iterations;
    }

    private void ensureSlots(List<Param> params) {
        if (s1 == null) {
            int n = params.size();
            s1 = new double[n][];
            s2 = new double[n][];
            s3 = new double[n][];
            for (int i = 0; i < n; i++) {
                int len = params.get(i).size();
                s1[i] = new double[len];
                s2[i] = new double[len];
                s3[i] = new double[len];
            }
        }
    }

    /** Applies one update using each Param.grad (gradients are clipped in place when clipping is on). */
    public void apply(List<Param> params) {
        ensureSlots(params);
        iterations++;
        if (globalClipnorm > 0) {
            double sq = 0.0;
            for (Param p : params) {
                for (double g : p.grad) {
                    sq += g * g;
                }
            }
            double norm = Math.sqrt(sq);
            if (norm > globalClipnorm) {
                double scale = globalClipnorm / norm;
                for (Param p : params) {
                    scaleInPlace(p.grad, scale);
                }
            }
        }
        double t = iterations;
        double alpha = 0.0;
        double c1 = 0.0;
        double c2 = 0.0;
        if (kind == Kind.ADAM) {
            alpha = lr * Math.sqrt(1.0 - Math.pow(beta2, t)) / (1.0 - Math.pow(beta1, t));
        } else if (kind == Kind.ADAM_TFJS) {
            c1 = 1.0 - Math.pow(beta1, t);
            c2 = 1.0 - Math.pow(beta2, t);
        }
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            double[] w = p.value;
            double[] g = p.grad;
            if (clipnorm > 0) {
                double sq = 0.0;
                for (double v : g) {
                    sq += v * v;
                }
                double norm = Math.sqrt(sq);
                if (norm > clipnorm) {
                    scaleInPlace(g, clipnorm / norm);
                }
            }
            double[] a = s1[k];
            double[] b = s2[k];
            double[] c = s3[k];
            int n = w.length;
            switch (kind) {
                case SGD:
                    if (momentum != 0.0) {
                        for (int i = 0; i < n; i++) {
                            a[i] = -g[i] * lr + a[i] * momentum;
                            w[i] = nesterov ? w[i] - g[i] * lr + a[i] * momentum : w[i] + a[i];
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            w[i] -= g[i] * lr;
                        }
                    }
                    break;
                case RMSPROP:
                    for (int i = 0; i < n; i++) {
                        double gi = g[i];
                        a[i] = rho * a[i] + (1.0 - rho) * gi * gi;
                        double denom;
                        if (centered) {
                            b[i] = rho * b[i] + (1.0 - rho) * gi;
                            denom = a[i] - b[i] * b[i] + epsilon;
                        } else {
                            denom = a[i] + epsilon;
                        }
                        double inc = lr * gi / Math.sqrt(denom);
                        if (momentum > 0.0) {
                            c[i] = momentum * c[i] + inc;
                            w[i] -= c[i];
                        } else {
                            w[i] -= inc;
                        }
                    }
                    break;
                case ADAM:
                    for (int i = 0; i < n; i++) {
                        double gi = g[i];
                        a[i] += (gi - a[i]) * (1.0 - beta1);
                        b[i] += (gi * gi - b[i]) * (1.0 - beta2);
                        w[i] -= alpha * a[i] / (Math.sqrt(b[i]) + epsilon);
                    }
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        double gi = g[i];
                        a[i] = beta1 * a[i] + (1.0 - beta1) * gi;
                        b[i] = beta2 * b[i] + (1.0 - beta2) * gi * gi;
                        w[i] -= lr * (a[i] / c1) / (Math.sqrt(b[i] / c2) + epsilon);
                    }
            }
        }
    }

    private static void scaleInPlace(double[] g, double s) {
        for (int i = 0; i < g.length; i++) {
            g[i] *= s;
        }
    }
}
