package dev.streamcast.model.internal;

/** Keras regression losses averaged over every output element (Keras: mean over last axis, then over batch). */
public enum LossFn {
    MSE, MAE, HUBER;

    /** Returns the loss and writes dLoss/dy into dy[0..n). */
    public double lossAndGrad(double[] y, double[] target, int n, double[] dy) {
        double sum = 0.0;
        double inv = 1.0 / n;
        for (int i = 0; i < n; i++) {
            double e = y[i] - target[i];
            switch (this) {
                case MSE:
                    sum += e * e;
                    dy[i] = 2.0 * e * inv;
                    break;
                case MAE:
                    sum += Math.abs(e);
                    dy[i] = Math.signum(e) * inv;
                    break;
                default: {
                    // Keras Huber, delta = 1
                    double a = Math.abs(e);
                    if (a <= 1.0) {
                        sum += 0.5 * e * e;
                        dy[i] = e * inv;
                    } else {
                        sum += a - 0.5;
                        dy[i] = Math.signum(e) * inv;
                    }
                }
            }
        }
        return sum * inv;
    }

    public double loss(double[] y, double[] target, int n) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - target[i];
            switch (this) {
                case MSE:
                    sum += e * e;
                    break;
                case MAE:
                    sum += Math.abs(e);
                    break;
                default: {
                    double a = Math.abs(e);
                    sum += a <= 1.0 ? 0.5 * e * e : a - 0.5;
                }
            }
        }
        return sum / n;
    }
}
