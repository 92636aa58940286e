package dev.streamcast.model.internal;

import java.util.List;

/**
 * Base of the recurrent cells. Layout (Keras): kernel [F][G*U], recurrent_kernel [U][G*U], gate blocks are
 * contiguous column ranges of width U. Training buffers are time-major: input at inBase + (t*B + b)*F,
 * hidden states hs[(t*B + b)*U] for t = 0..T (t = 0 is the zero initial state).
 *
 * Every forward computation (training, predict, streaming) goes through {@link #row}, so streaming
 * one step at a time is bit-identical to the batched forward pass.
 */
public abstract class RecurrentLayer {
    public final String name;
    public final int inputSize;
    public final int units;
    public final int gates;
    public final Activation activation;
    public final Activation recurrentActivation;
    public final boolean returnSequences;
    public final Param kernel;
    public final Param recurrentKernel;
    public final Param bias;

    // training workspace, grown on demand
    protected int T;
    protected int B;
    protected double[] hs;
    protected double[] cache;
    protected double[] tmp;
    protected double[] dhNext;
    protected double[] kernelT;
    protected double[] recurrentT;

    protected RecurrentLayer(String name, int inputSize, int units, int gates, Activation activation,
                             Activation recurrentActivation, boolean returnSequences, int[] biasShape) {
        this.name = name;
        this.inputSize = inputSize;
        this.units = units;
        this.gates = gates;
        this.activation = activation;
        this.recurrentActivation = recurrentActivation;
        this.returnSequences = returnSequences;
        int gu = gates * units;
        this.kernel = new Param(name + "/kernel", new int[] {inputSize, gu}, new double[inputSize * gu]);
        this.recurrentKernel = new Param(name + "/recurrent_kernel", new int[] {units, gu}, new double[units * gu]);
        int n = 1;
        for (int d : biasShape) {
            n *= d;
        }
        this.bias = new Param(name + "/bias", biasShape, new double[n]);
    }

    public List<Param> params() {
        return List.of(kernel, recurrentKernel, bias);
    }

    /** Per-key state doubles: h (and c for LSTM). */
    public int stateSize() {
        return units;
    }

    /** Per sample, per step cached values needed by BPTT. */
    protected abstract int cacheWidth();

    /** Per-row temporary doubles used by {@link #row}. */
    protected abstract int tmpWidth();

    /** Scratch needed by {@link #step}. */
    public int stepScratchSize() {
        return cacheWidth() + tmpWidth();
    }

    /**
     * One cell step for one sample. hOut may alias hPrev and cOut may alias cPrev (streaming updates state in place):
     * implementations read all of hPrev before writing hOut.
     */
    protected abstract void row(double[] x, int xOff, double[] hPrev, int hOff, double[] cPrev, int cOff,
                                double[] hOut, int hOutOff, double[] cOut, int cOutOff,
                                double[] gate, int gOff, double[] tmp, int tOff);

    /** Streaming step: state = [h | c], updated in place; the new h is at state[sOff..sOff+U). */
    public final void step(double[] x, int xOff, double[] state, int sOff, double[] scratch) {
        int u = units;
        row(x, xOff, state, sOff, state, sOff + u, state, sOff, state, sOff + u, scratch, 0, scratch, cacheWidth());
    }

    /** Hidden-state sequence of the last forward pass: step t (0-based) output at (t+1)*B*U + b*U. */
    public double[] hiddenStates() {
        return hs;
    }

    /** Cell state sequence (LSTM only), same layout as hiddenStates; null otherwise. */
    public double[] cellStates() {
        return null;
    }

    protected void ensureWorkspace(int t, int b) {
        this.T = t;
        this.B = b;
        int u = units;
        hs = Vec.ensure(hs, (t + 1) * b * u);
        cache = Vec.ensure(cache, Math.max(1, t * b * cacheWidth()));
        tmp = Vec.ensure(tmp, Math.max(1, tmpWidth()));
        java.util.Arrays.fill(hs, 0, b * u, 0.0);
    }

    /** Runs the whole sequence from zero state. Input at in[inBase + (t*B + b)*F]. */
    public void forward(double[] in, int inBase, int t, int b) {
        ensureWorkspace(t, b);
        int u = units;
        int f = inputSize;
        int cw = cacheWidth();
        double[] cs = cellStates();
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < b; i++) {
                int prev = (s * b + i) * u;
                int next = ((s + 1) * b + i) * u;
                row(in, inBase + (s * b + i) * f, hs, prev, cs, prev, hs, next, cs, next,
                        cache, (s * b + i) * cw, tmp, 0);
            }
        }
    }

    /**
     * BPTT through the last forward pass. dOut holds dLoss/dh for every step ([T][B][U]) when outSeq, otherwise
     * only for the last step ([B][U]). Accumulates into the grad buffers (caller zeroes them). If dIn != null it
     * receives dLoss/dInput as [T][B][F].
     */
    public abstract void backward(double[] in, int inBase, double[] dOut, boolean outSeq, double[] dIn);

    /** Prepares transposed weights so backward's matrix-vector products are unit-stride axpys. */
    protected void prepareTransposes() {
        int gu = gates * units;
        kernelT = Vec.ensure(kernelT, gu * inputSize);
        recurrentT = Vec.ensure(recurrentT, gu * units);
        Vec.transpose(kernel.value, inputSize, gu, kernelT);
        Vec.transpose(recurrentKernel.value, units, gu, recurrentT);
        dhNext = Vec.ensure(dhNext, B * units);
        java.util.Arrays.fill(dhNext, 0, B * units, 0.0);
    }

    /** Adds dOut for (t, b) to dh (length U). */
    protected final void addUpstream(double[] dOut, boolean outSeq, int t, int b, double[] dh, int dhOff) {
        int u = units;
        if (outSeq) {
            Vec.add(dOut, (t * B + b) * u, dh, dhOff, u);
        } else if (t == T - 1) {
            Vec.add(dOut, b * u, dh, dhOff, u);
        }
    }

    /** gK[f][:] += x[f]*da[:], dIn[:] = da . K^T (if requested). */
    protected final void inputGrads(double[] in, int xOff, double[] da, int daOff, double[] dIn, int dInOff) {
        int gu = gates * units;
        int f = inputSize;
        double[] gk = kernel.grad;
        for (int k = 0; k < f; k++) {
            Vec.axpy(in[xOff + k], da, daOff, gk, k * gu, gu);
        }
        if (dIn != null) {
            for (int k = 0; k < f; k++) {
                dIn[dInOff + k] = 0.0;
            }
            for (int j = 0; j < gu; j++) {
                Vec.axpy(da[daOff + j], kernelT, j * f, dIn, dInOff, f);
            }
        }
    }
}
