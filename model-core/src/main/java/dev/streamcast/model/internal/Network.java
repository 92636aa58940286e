package dev.streamcast.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The compute graph: recurrent layers (time-major buffers) followed by Dense layers. Holds reusable workspaces, so
 * repeated forward/backward calls of the same or smaller shape do not allocate. Not thread-safe.
 */
public final class Network {
    public final int features;
    public final List<LayerConfig> configs;
    public final RecurrentLayer[] recurrent;
    public final DenseLayer[] dense;
    public final List<Param> params;
    public final boolean seqOut;

    private final WeightVersion version = new WeightVersion();
    private int lastT;
    private int lastB;
    private double[] dy;
    private double[][] dSeq;

    public Network(int features, List<LayerConfig> configs) {
        if (features <= 0) {
            throw new IllegalArgumentException("features must be > 0, got " + features);
        }
        this.features = features;
        this.configs = Collections.unmodifiableList(new ArrayList<>(configs));
        List<RecurrentLayer> rs = new ArrayList<>();
        List<DenseLayer> ds = new ArrayList<>();
        int in = features;
        for (int i = 0; i < configs.size(); i++) {
            LayerConfig c = configs.get(i);
            if (c.recurrent()) {
                if (!ds.isEmpty()) {
                    throw new IllegalArgumentException("layer " + i + " (" + c.type.id
                            + "): recurrent layers must come before Dense layers");
                }
                if (!rs.isEmpty() && !rs.get(rs.size() - 1).returnSequences) {
                    throw new IllegalArgumentException("layer " + i + " (" + c.type.id + "): the recurrent layer below it"
                            + " must use returnSequences(true) to feed a sequence into it");
                }
                String name = rs.isEmpty() ? "rnn" : "rnn_" + rs.size();
                RecurrentLayer l;
                switch (c.type) {
                    case SIMPLE_RNN:
                        l = new SimpleRnnLayer(name, in, c.units, c.activation, c.returnSequences, version);
                        break;
                    case GRU:
                        l = new GruLayer(name, in, c.units, c.activation, c.recurrentActivation, c.resetAfter,
                                c.returnSequences, version);
                        break;
                    default:
                        l = new LstmLayer(name, in, c.units, c.activation, c.recurrentActivation, c.returnSequences,
                                version);
                }
                rs.add(l);
            } else {
                if (rs.isEmpty()) {
                    throw new IllegalArgumentException("layer " + i + " (dense): the model must start with a recurrent"
                            + " layer (simpleRnn, gru or lstm)");
                }
                String name = ds.isEmpty() ? "dense" : "dense_" + ds.size();
                ds.add(new DenseLayer(name, in, c.units, c.activation));
            }
            in = c.units;
        }
        if (rs.isEmpty()) {
            throw new IllegalArgumentException("the model needs at least one recurrent layer");
        }
        if (ds.isEmpty()) {
            throw new IllegalArgumentException("the model needs a Dense output layer after the recurrent layer(s)");
        }
        this.recurrent = rs.toArray(new RecurrentLayer[0]);
        this.dense = ds.toArray(new DenseLayer[0]);
        this.seqOut = recurrent[recurrent.length - 1].returnSequences;
        List<Param> ps = new ArrayList<>();
        for (RecurrentLayer l : recurrent) {
            ps.addAll(l.params());
        }
        for (DenseLayer d : dense) {
            ps.addAll(d.params());
        }
        this.params = Collections.unmodifiableList(ps);
    }

    /** Must be called after any change to a Param value so compute copies refresh. */
    public void weightsChanged() {
        version.bump();
    }

    public int outputs() {
        return dense[dense.length - 1].units;
    }

    public int stateSize() {
        int n = 0;
        for (RecurrentLayer l : recurrent) {
            n += l.stateSize();
        }
        return n;
    }

    /** Keras default initialisers, deterministic in seed. */
    public void initialize(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        for (RecurrentLayer l : recurrent) {
            int gu = l.gates * l.units;
            Initializers.glorotUniform(l.kernel.value, l.inputSize, gu, rng);
            Initializers.orthogonal(l.recurrentKernel.value, l.units, gu, rng);
            java.util.Arrays.fill(l.bias.value, 0.0);
            if (l instanceof LstmLayer) {
                // Keras unit_forget_bias=True: forget-gate bias starts at 1
                java.util.Arrays.fill(l.bias.value, l.units, 2 * l.units, 1.0);
            }
        }
        for (DenseLayer d : dense) {
            Initializers.glorotUniform(d.kernel.value, d.inputSize, d.units, rng);
            java.util.Arrays.fill(d.bias.value, 0.0);
        }
        weightsChanged();
    }

    /** Rows of the output: B for last-step models, T*B (time-major) for returnSequences models. */
    public int outputRows(int t, int b) {
        return seqOut ? t * b : b;
    }

    /** Forward pass over xs, time-major [T][B][F]. Returns the output buffer [rows][O] (valid until the next call). */
    public double[] forward(double[] xs, int t, int b) {
        lastT = t;
        lastB = b;
        double[] in = xs;
        int base = 0;
        for (RecurrentLayer l : recurrent) {
            l.forward(in, base, t, b);
            in = l.hiddenStates();
            base = b * l.units;
        }
        RecurrentLayer top = recurrent[recurrent.length - 1];
        int rows = outputRows(t, b);
        int off = seqOut ? b * top.units : t * b * top.units;
        double[] cur = top.hiddenStates();
        for (DenseLayer d : dense) {
            cur = d.forward(cur, off, rows);
            off = 0;
        }
        return cur;
    }

    public void zeroGrads() {
        for (Param p : params) {
            java.util.Arrays.fill(p.grad, 0.0);
        }
    }

    /** Forward + loss + BPTT; gradients are left in each Param.grad (overwritten). target is [rows][O]. */
    public double lossAndGradients(double[] xs, double[] target, int t, int b, LossFn loss) {
        double[] y = forward(xs, t, b);
        int n = outputRows(t, b) * outputs();
        dy = Vec.ensure(dy, n);
        double value = loss.lossAndGrad(y, target, n, dy);
        zeroGrads();
        backward(xs, dy);
        return value;
    }

    private void backward(double[] xs, double[] dOut) {
        RecurrentLayer top = recurrent[recurrent.length - 1];
        int t = lastT;
        int b = lastB;
        double[] d = dOut;
        for (int k = dense.length - 1; k >= 0; k--) {
            double[] in;
            int off;
            if (k == 0) {
                in = top.hiddenStates();
                off = seqOut ? b * top.units : t * b * top.units;
            } else {
                in = dense[k - 1].output();
                off = 0;
            }
            d = dense[k].backward(in, off, d, true);
        }
        if (dSeq == null || dSeq.length != recurrent.length) {
            dSeq = new double[recurrent.length][];
        }
        boolean outSeq = seqOut;
        for (int k = recurrent.length - 1; k >= 0; k--) {
            RecurrentLayer l = recurrent[k];
            double[] dIn = null;
            if (k > 0) {
                dSeq[k] = Vec.ensure(dSeq[k], t * b * l.inputSize);
                dIn = dSeq[k];
            }
            double[] in = k == 0 ? xs : recurrent[k - 1].hiddenStates();
            int base = k == 0 ? 0 : b * recurrent[k - 1].units;
            l.backward(in, base, d, outSeq, dIn);
            d = dIn;
            outSeq = true;
        }
    }
}
