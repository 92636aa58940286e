package dev.streamcast.model;

import dev.streamcast.model.internal.CellScratch;
import dev.streamcast.model.internal.CellWeights;
import dev.streamcast.model.internal.DenseLayer;
import dev.streamcast.model.internal.Network;
import dev.streamcast.model.internal.RecurrentLayer;

/**
 * Streaming inference, one time step per call, with the per-key state held by the caller (so millions of keys can
 * live outside the model, e.g. in one big double[]). Uses the same cell code as the batched forward pass, so stepping
 * through a sequence gives bit-identical outputs to {@link Sequential#predict}. No allocation per call.
 * Not thread-safe (owns scratch buffers): create one per thread. Shares the model's weights.
 */
public final class StepKernel {
    private final RecurrentLayer[] recurrent;
    private final DenseLayer[] dense;
    private final int features;
    private final int outputs;
    private final int stateSize;
    private final CellWeights[] weights;
    private final CellScratch[] scratch;
    private final double[] denseA;
    private final double[] denseB;
    private final double[] rolloutState;
    private final double[] rolloutIn;

    StepKernel(Network net) {
        this.recurrent = net.recurrent;
        this.dense = net.dense;
        this.features = net.features;
        this.outputs = net.outputs();
        this.stateSize = net.stateSize();
        this.weights = new CellWeights[recurrent.length];
        this.scratch = new CellScratch[recurrent.length];
        for (int i = 0; i < recurrent.length; i++) {
            weights[i] = recurrent[i].newWeights();
            scratch[i] = recurrent[i].newScratch();
        }
        int d = 1;
        for (DenseLayer l : dense) {
            d = Math.max(d, l.units);
        }
        this.denseA = new double[d];
        this.denseB = new double[d];
        this.rolloutState = new double[stateSize];
        this.rolloutIn = new double[Math.max(features, outputs)];
    }

    /** Doubles of state per key: units (SimpleRNN/GRU) or 2*units (LSTM: h then c), summed over recurrent layers. */
    public int stateSize() {
        return stateSize;
    }

    public int inputFeatures() {
        return features;
    }

    public int outputs() {
        return outputs;
    }

    /** Advances state (length stateSize, zeros for a new key) by one step with input x and writes the output. */
    public void step(double[] state, double[] x, double[] out) {
        if (state == null || state.length != stateSize) {
            throw new IllegalArgumentException("state must have length " + stateSize + ", got "
                    + (state == null ? "null" : state.length));
        }
        step(state, 0, x, 0, out, 0);
    }

    /** Offset variant: state at states[stateOff..+stateSize), input at x[xOff..+features), out at out[outOff..). */
    public void step(double[] states, int stateOff, double[] x, int xOff, double[] out, int outOff) {
        if (states == null || stateOff < 0 || stateOff + stateSize > states.length) {
            throw new IllegalArgumentException("state range [" + stateOff + ", " + (stateOff + stateSize)
                    + ") is outside the state array" + (states == null ? " (null)" : " of length " + states.length));
        }
        if (x == null || xOff < 0 || xOff + features > x.length) {
            throw new IllegalArgumentException("x needs " + features + " values from offset " + xOff + ", got "
                    + (x == null ? "null" : "length " + x.length));
        }
        if (out == null || outOff < 0 || outOff + outputs > out.length) {
            throw new IllegalArgumentException("out needs room for " + outputs + " values from offset " + outOff
                    + ", got " + (out == null ? "null" : "length " + out.length));
        }
        for (int i = 0; i < features; i++) {
            double v = x[xOff + i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("x[" + (xOff + i) + "] is " + v + "; inputs must be finite");
            }
        }
        stepUnchecked(states, stateOff, x, xOff, out, outOff);
    }

    private void stepUnchecked(double[] states, int stateOff, double[] x, int xOff, double[] out, int outOff) {
        double[] in = x;
        int inOff = xOff;
        int s = stateOff;
        for (int k = 0; k < recurrent.length; k++) {
            RecurrentLayer l = recurrent[k];
            l.sync(weights[k]);   // refreshes its own weight copy only if the model's weights changed
            l.step(weights[k], scratch[k], in, inOff, states, s);
            in = states;
            inOff = s;
            s += l.stateSize();
        }
        int last = dense.length - 1;
        double[] buf = denseA;
        for (int k = 0; k < last; k++) {
            dense[k].row(in, inOff, buf, 0);
            in = buf;
            inOff = 0;
            buf = buf == denseA ? denseB : denseA;
        }
        dense[last].row(in, inOff, out, outOff);
    }

    /**
     * Multi-step forecast without touching state: step 1 consumes x0, every later step consumes the previous output
     * (requires features == outputs). Writes horizon*outputs values into out.
     */
    public void rollout(double[] state, double[] x0, int horizon, double[] out) {
        if (features != outputs) {
            throw new IllegalArgumentException("rollout feeds outputs back as inputs, so it needs features == outputs;"
                    + " this model has " + features + " features and " + outputs + " outputs");
        }
        if (horizon <= 0) {
            throw new IllegalArgumentException("horizon must be > 0, got " + horizon);
        }
        if (state == null || state.length != stateSize) {
            throw new IllegalArgumentException("state must have length " + stateSize + ", got "
                    + (state == null ? "null" : state.length));
        }
        if (out == null || out.length < horizon * outputs) {
            throw new IllegalArgumentException("out needs " + horizon * outputs + " values, got "
                    + (out == null ? "null" : out.length));
        }
        System.arraycopy(state, 0, rolloutState, 0, stateSize);
        step(rolloutState, 0, x0, 0, out, 0);
        for (int h = 1; h < horizon; h++) {
            System.arraycopy(out, (h - 1) * outputs, rolloutIn, 0, outputs);
            stepUnchecked(rolloutState, 0, rolloutIn, 0, out, h * outputs);
        }
    }
}
