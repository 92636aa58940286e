package dev.streamcast.model.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Base of the recurrent cells. Keras layout: kernel [F][G*U], recurrent_kernel [U][G*U], gate blocks are contiguous
 * column ranges of width U. Training buffers are time-major: input at inBase + (t*B + b)*F, hidden states
 * hs[(t*B + b)*U] for t = 0..T (t = 0 is the zero initial state).
 *
 * Every forward computation (training, predict, streaming) goes through {@link #row}, so streaming one step at a
 * time is bit-identical to the batched forward pass. Hot loops run on row arrays that start at index 0
 * ({@link CellWeights}, {@link CellScratch}) because that is what JDK 17's auto-vectoriser needs.
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
    protected final WeightVersion version;
    protected final CellWeights w;
    protected final CellScratch scratch;

    // training workspace, grown on demand
    protected int T;
    protected int B;
    protected double[] hs;
    protected double[] cache;
    protected double[][] dhNext;   // [B][U]
    protected double[][] dhpAll;   // [B][U] next dhNext being accumulated
    protected double[][] daAll;    // [B][G*U] pre-activation gradients of one step, all samples
    protected double[][] rt;       // recurrent kernel transposed [G*U][U]
    protected double[][] kt;       // kernel transposed [G*U][F]
    protected double[][] gk;       // kernel gradient rows [F][G*U]
    protected double[][] gr;       // recurrent kernel gradient rows [U][G*U]
    protected final double[] dhp;  // [U]
    private final double[] dx;     // [F]

    protected RecurrentLayer(String name, int inputSize, int units, int gates, Activation activation,
                             Activation recurrentActivation, boolean returnSequences, int[] biasShape,
                             WeightVersion version) {
        this.name = name;
        this.inputSize = inputSize;
        this.units = units;
        this.gates = gates;
        this.activation = activation;
        this.recurrentActivation = recurrentActivation;
        this.returnSequences = returnSequences;
        this.version = version;
        int gu = gates * units;
        this.kernel = new Param(name + "/kernel", new int[] {inputSize, gu}, new double[inputSize * gu]);
        this.recurrentKernel = new Param(name + "/recurrent_kernel", new int[] {units, gu}, new double[units * gu]);
        int n = 1;
        for (int d : biasShape) {
            n *= d;
        }
        this.bias = new Param(name + "/bias", biasShape, new double[n]);
        this.w = newWeights();
        this.scratch = newScratch();
        this.dhp = new double[units];
        this.dx = new double[inputSize];
    }

    public List<Param> params() {
        return List.of(kernel, recurrentKernel, bias);
    }

    /** Per-key state doubles: h (and c for LSTM). */
    public int stateSize() {
        return units;
    }

    /** Per sample, per step values cached for BPTT. */
    protected abstract int cacheWidth();

    public CellWeights newWeights() {
        return new CellWeights(inputSize, units, gates * units, bias.size());
    }

    public CellScratch newScratch() {
        return new CellScratch(gates * units, cacheWidth());
    }

    /** Refreshes a compute copy if the weights changed since it was last synced (one volatile read otherwise). */
    public void sync(CellWeights cw) {
        cw.sync(this, version.get());
    }

    /**
     * One cell step for one sample. hOut may alias hPrev and cOut may alias cPrev (streaming updates state in place):
     * implementations read all of hPrev/cPrev[j] before writing hOut/cOut[j]. Gate values go to g[gOff..).
     */
    protected abstract void row(CellWeights cw, CellScratch s, double[] x, int xOff, double[] hPrev, int hOff,
                                double[] cPrev, int cOff, double[] hOut, int hOutOff, double[] cOut, int cOutOff,
                                double[] g, int gOff);

    /** Streaming step: state = [h | c] at sOff, updated in place. Caller syncs cw. */
    public final void step(CellWeights cw, CellScratch s, double[] x, int xOff, double[] state, int sOff) {
        int u = units;
        row(cw, s, x, xOff, state, sOff, state, sOff + u, state, sOff, state, sOff + u, s.gate, 0);
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
        Arrays.fill(hs, 0, b * u, 0.0);
    }

    /** Runs the whole sequence from zero state. Input at in[inBase + (t*B + b)*F]. */
    public void forward(double[] in, int inBase, int t, int b) {
        sync(w);
        ensureWorkspace(t, b);
        int u = units;
        int f = inputSize;
        int cw = cacheWidth();
        double[] cs = cellStates();
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < b; i++) {
                int prev = (s * b + i) * u;
                int next = ((s + 1) * b + i) * u;
                row(w, scratch, in, inBase + (s * b + i) * f, hs, prev, cs, prev, hs, next, cs, next,
                        cache, (s * b + i) * cw);
            }
        }
    }

    /**
     * BPTT through the last forward pass. dOut holds dLoss/dh for every step ([T][B][U]) when outSeq, otherwise
     * only for the last step ([B][U]). Writes the weight gradients into the Param grad buffers. If dIn != null it
     * receives dLoss/dInput as [T][B][F].
     */
    public abstract void backward(double[] in, int inBase, double[] dOut, boolean outSeq, double[] dIn);

    /** Transposed weights and zeroed gradient rows so backward's products are unit-stride, same-index loops. */
    protected void prepareBackward() {
        int gu = gates * units;
        int u = units;
        int f = inputSize;
        if (rt == null) {
            rt = new double[gu][u];
            kt = new double[gu][f];
            gk = new double[f][gu];
            gr = new double[u][gu];
        }
        Vec.toTransposedRows(recurrentKernel.value, u, gu, rt);
        Vec.toTransposedRows(kernel.value, f, gu, kt);
        for (double[] r : gk) {
            Arrays.fill(r, 0.0);
        }
        for (double[] r : gr) {
            Arrays.fill(r, 0.0);
        }
        Arrays.fill(bias.grad, 0.0);
        if (dhNext == null || dhNext.length < B) {
            dhNext = new double[B][u];
            dhpAll = new double[B][u];
            daAll = new double[B][gu];
        }
        for (int i = 0; i < B; i++) {
            Arrays.fill(dhNext[i], 0.0);
        }
    }

    /** Copies the gradient rows into the flat Keras-layout grad buffers. */
    protected void finishBackward() {
        int gu = gates * units;
        Vec.fromRows(gk, inputSize, gu, kernel.grad);
        Vec.fromRows(gr, units, gu, recurrentKernel.grad);
    }

    /** Adds dOut for (t, b) to dh (length U). */
    protected final void addUpstream(double[] dOut, boolean outSeq, int t, int b, double[] dh) {
        int u = units;
        if (outSeq) {
            Vec.add(dOut, (t * B + b) * u, dh, 0, u);
        } else if (t == T - 1) {
            Vec.add(dOut, b * u, dh, 0, u);
        }
    }

    /**
     * Weight gradients of step t for all samples at once: rowsOut[i][from..to) += sum_b m[mBase + b*mStride + i] *
     * vecs[b][from..to). Grouping samples lets {@link Vec#gemvRows} touch each gradient row once per 4 samples.
     */
    protected final void outer(double[] m, int mBase, int mStride, double[][] rowsOut, int nOut, double[][] vecs,
                               int from, int to) {
        for (int i = 0; i < nOut; i++) {
            Vec.gemvRows(m, mBase + i, mStride, B, vecs, 0, rowsOut[i], from, to);
        }
    }

    /** Kernel gradient of step t (all samples) from daAll, and dLoss/dInput if requested. */
    protected final void inputGrads(double[] in, int inBase, int t, double[] dIn) {
        int gu = gates * units;
        int f = inputSize;
        outer(in, inBase + t * B * f, f, gk, f, daAll, 0, gu);
        if (dIn != null) {
            for (int s = 0; s < B; s++) {
                Arrays.fill(dx, 0.0);
                Vec.gemvRows(daAll[s], 0, 1, gu, kt, 0, dx, 0, f);
                System.arraycopy(dx, 0, dIn, (t * B + s) * f, f);
            }
        }
    }

    /** dh[s] += sum_{j<n} vecs[s][j] * R^T[j] for every sample. */
    protected final void recurrentGrads(double[][] vecs, int n, double[][] dh) {
        int u = units;
        for (int s = 0; s < B; s++) {
            Vec.gemvRows(vecs[s], 0, 1, n, rt, 0, dh[s], 0, u);
        }
    }

    /** Swaps the accumulated dhpAll into dhNext for the next (earlier) step. */
    protected final void swapDh() {
        double[][] tmp = dhNext;
        dhNext = dhpAll;
        dhpAll = tmp;
    }
}
