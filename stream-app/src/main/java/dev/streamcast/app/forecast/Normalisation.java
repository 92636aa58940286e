package dev.streamcast.app.forecast;

/**
 * How a series' values become model inputs: the difference to the previous value divided by the series' scale
 * (root of an exponentially weighted mean of squared differences), clipped. Differences make the naive forecast
 * the zero prediction, so any model only has to learn corrections to it; the per-series scale lets one global
 * model serve series of any magnitude.
 */
public final class Normalisation {

    public static final String METHOD = "diff-ewms-v1";
    /** Inputs are clipped to this many scales so one outlier cannot saturate the network. */
    public static final double CLIP = 8.0;
    /** Smallest weight of a new squared difference in the scale estimate (an average over ~100 points). */
    public static final double MIN_ALPHA = 0.01;

    private Normalisation() {
    }

    public static double clip(double x) {
        return Math.max(-CLIP, Math.min(CLIP, x));
    }
}
