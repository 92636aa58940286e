package dev.streamcast.app.state;

import java.util.Arrays;

/**
 * Everything the forecaster keeps per series, stored in the {@code series-state} or (a busy series) the
 * {@code series-state-busy} store, both with changelogs.
 *
 * <ul>
 *   <li>{@code level}, {@code trend}, {@code rank}: per smoothing candidate (a fixed bank, see
 *       {@code forecast.Smoothing}) its level, damped trend and recent mean absolute one-step error;</li>
 *   <li>{@code season}: additive seasonal rings of length {@code period} (0 = no season), each shared by some
 *       candidates, then a ring of the inner {@code cycle} (0 = none) for the double-seasonal ones; during the first
 *       two seasons the first ring accumulates raw values for the initial estimate;</li>
 *   <li>{@code errorModel}: an autoregression of the bank's one-step errors (coefficients, covariance, last
 *       errors, recent errors with and without it, and for a double season the last season's errors), then for a
 *       season of sub-daily points an autoregression of the series' changes (the same, and a ring of the last
 *       season's changes);</li>
 *   <li>{@code airline}: for a single season, the airline candidates' rings of the last season's values and of
 *       each one's errors;</li>
 *   <li>{@code hidden}: the RNN state (h, and c for LSTM) under {@code modelVersion}, at float precision;</li>
 *   <li>{@code inputs}: a ring of the last model inputs (one-step errors of the smoothing forecast in scale units,
 *       at float precision), used to re-warm the hidden state under a new model and as training windows;</li>
 *   <li>{@code errors}: a ring of recent absolute one-step errors of the emitted forecast in scale units, for
 *       conformal intervals, at the 16-bit precision of {@link ScoredErrors};</li>
 *   <li>{@code ewms}: exponentially weighted mean of squared smoothing errors, the series' scale.</li>
 * </ul>
 * Mutable by design: the processor loads it, applies one event and stores it back.
 */
public final class SeriesState {

    public int count;
    public long lastTs;
    public long step;
    public double lastValue;
    public double ewms;
    /** Number of one-step smoothing errors seen (imputed points excluded). */
    public int diffCount;
    /** The one-step mean forecast made at the last event (NaN before the first one). */
    public double pending = Double.NaN;
    public int modelVersion;
    public double[] hidden;
    public final double[] inputs;
    public int inputCount;
    public int inputPos;
    public final float[] errors;
    public int errorCount;
    public int errorPos;
    /**
     * The interval quantile of the last event, kept only in memory (not stored: NaN after decoding), so the next
     * event finds the new one with one scan of the errors instead of a selection.
     */
    public float quantileHint = Float.NaN;
    /** Season length in points, decided at the second point; 0 = no season. */
    public int period;
    /** A shorter cycle inside the season (a day inside a week of sub-daily points); 0 = none. */
    public int cycle;
    /** The seasonal rings, each {@code period} long, one after the other, then one ring of {@code cycle}. */
    public float[] season = new float[0];
    /** Sum of the first cycle's values, for the seasonal initialisation. */
    public double firstCycleSum;
    /**
     * Point index of the season's first point: 0, or where the bank restarted on another scale (a positive series
     * that reached 0), from where the season is learnt anew in the same phase.
     */
    public long seasonStart;
    /** The bank works on the values themselves. */
    public static final byte RAW = 0;
    /** The bank works on log(value): the series has been positive throughout. */
    public static final byte LOG = 1;
    /** The bank works on sqrt(value): the series was positive, then reached 0 but never went below. */
    public static final byte SQRT = 2;
    /** What the smoothing bank works on: {@link #RAW}, {@link #LOG} or {@link #SQRT}. */
    public byte transform;
    public double[] level = new double[0];
    public double[] trend = new double[0];
    public double[] rank = new double[0];
    /**
     * The airline candidates' memory for a single season ({@code forecast.Smoothing} owns the layout): a ring of the
     * last {@code period + 1} values, then one of the same length of each candidate's errors; empty otherwise.
     */
    public double[] airline = new double[0];
    /**
     * The autoregression of the bank's errors ({@code forecast.ErrorAr} owns the layout), then for a season of
     * sub-daily points that of the series' changes ({@code forecast.ChangeAr}; absent in states stored before it,
     * grown when used).
     */
    public double[] errorModel = new double[0];

    public SeriesState(int hiddenSize, int window, int errorWindow) {
        this.hidden = new double[hiddenSize];
        this.inputs = new double[window];
        this.errors = new float[errorWindow];
    }

    /** Sizes the smoothing bank ({@code candidates} level/trend/rank slots) and its error model, all zero. */
    public void initSmoothing(int candidates, int errorModelSize) {
        level = new double[candidates];
        trend = new double[candidates];
        rank = new double[candidates];
        errorModel = new double[errorModelSize];
    }

    /**
     * Sets the season length, the inner cycle and the zeroed rings in {@code season}: {@code rings} of the season,
     * then one of the cycle.
     */
    public void initSeason(int length, int innerCycle, int rings) {
        period = length;
        cycle = innerCycle;
        season = new float[length * rings + innerCycle];
        firstCycleSum = 0;
        airline = new double[0];
    }

    /** Keeps {@code x} at float precision, as it is stored. */
    public void pushInput(double x) {
        inputs[inputPos] = (float) x;
        inputPos = (inputPos + 1) % inputs.length;
        if (inputCount < inputs.length) {
            inputCount++;
        }
    }

    /** The stored inputs, oldest first, into {@code out} (length {@code inputCount}). */
    public void inputsOldestFirst(double[] out) {
        int start = (inputPos - inputCount + inputs.length) % inputs.length;
        for (int i = 0; i < inputCount; i++) {
            out[i] = inputs[(start + i) % inputs.length];
        }
    }

    /** Keeps {@code e} (never negative) at the 16-bit precision it is stored with ({@link ScoredErrors}). */
    public void pushError(double e) {
        errors[errorPos] = ScoredErrors.round(e);
        errorPos = (errorPos + 1) % errors.length;
        if (errorCount < errors.length) {
            errorCount++;
        }
    }

    /**
     * Rounds the hidden state to float precision, as it is stored; the forecaster calls this after every step so a
     * state kept in memory and one read back from the store are the same. (Keras computes in float32 anyway.)
     */
    public void roundHidden() {
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = (float) hidden[i];
        }
    }

    public double scale() {
        return Math.sqrt(ewms);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SeriesState s)) {
            return false;
        }
        return count == s.count && lastTs == s.lastTs && step == s.step
                && Double.compare(lastValue, s.lastValue) == 0 && Double.compare(ewms, s.ewms) == 0
                && diffCount == s.diffCount && Double.compare(pending, s.pending) == 0
                && modelVersion == s.modelVersion && Arrays.equals(hidden, s.hidden)
                && Arrays.equals(inputs, s.inputs) && inputCount == s.inputCount && inputPos == s.inputPos
                && Arrays.equals(errors, s.errors) && errorCount == s.errorCount && errorPos == s.errorPos
                && period == s.period && cycle == s.cycle && Arrays.equals(season, s.season)
                && Double.compare(firstCycleSum, s.firstCycleSum) == 0 && seasonStart == s.seasonStart
                && transform == s.transform
                && Arrays.equals(level, s.level)
                && Arrays.equals(trend, s.trend) && Arrays.equals(rank, s.rank)
                && Arrays.equals(errorModel, s.errorModel) && Arrays.equals(airline, s.airline);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lastTs) * 31 + count;
    }
}
