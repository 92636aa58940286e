package dev.streamcast.app.forecast;

/**
 * How a series' values become model inputs: the one-step error of the series' smoothing forecast
 * ({@link Smoothing}) divided by the series' scale (root of an exponentially weighted mean of squared smoothing
 * errors), clipped. The smoothing takes out level, trend and season per series, so the one global RNN only learns
 * what is left (autocorrelated errors, nonlinear dynamics) and a zero prediction means "trust the smoothing".
 */
public final class Normalisation {

    public static final String METHOD = "es-bank-error-v8";
    /** Inputs are clipped to this many scales so one outlier cannot saturate the network. */
    public static final double CLIP = 8.0;
    /** Smallest weight of a new squared error in the scale estimate (an average over ~100 points). */
    public static final double MIN_ALPHA = 0.01;

    private Normalisation() {
    }

    public static double clip(double x) {
        return Math.max(-CLIP, Math.min(CLIP, x));
    }
}
