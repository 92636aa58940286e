package dev.streamcast.app.state;

import java.util.Arrays;

/**
 * Everything the forecaster keeps per series, stored in the {@code series-state} store (with changelog).
 *
 * <ul>
 *   <li>{@code hidden}: the RNN state (h, and c for LSTM) under {@code modelVersion};</li>
 *   <li>{@code inputs}: a ring of the last model inputs (normalised differences), used to re-warm the hidden
 *       state under a new model and as training windows;</li>
 *   <li>{@code errors}: a ring of recent absolute one-step errors in scale units, for conformal intervals;</li>
 *   <li>{@code ewms}: exponentially weighted mean of squared differences, the series' scale.</li>
 * </ul>
 * Mutable by design: the processor loads it, applies one event and stores it back.
 */
public final class SeriesState {

    public int count;
    public long lastTs;
    public long step;
    public double lastValue;
    public double ewms;
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

    public SeriesState(int hiddenSize, int window, int errorWindow) {
        this.hidden = new double[hiddenSize];
        this.inputs = new double[window];
        this.errors = new float[errorWindow];
    }

    public void pushInput(double x) {
        inputs[inputPos] = x;
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

    public void pushError(double e) {
        errors[errorPos] = (float) e;
        errorPos = (errorPos + 1) % errors.length;
        if (errorCount < errors.length) {
            errorCount++;
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
                && Arrays.equals(errors, s.errors) && errorCount == s.errorCount && errorPos == s.errorPos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lastTs) * 31 + count;
    }
}
