package dev.streamcast.model;

import dev.streamcast.model.internal.LayerConfig;
import dev.streamcast.model.internal.Network;
import dev.streamcast.model.internal.Param;
import dev.streamcast.model.internal.SplitMix64;
import dev.streamcast.model.internal.Updater;
import dev.streamcast.model.internal.Vec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras-style sequential model: recurrent layer(s) then Dense layer(s), float64 throughout.
 * Training/predict methods are synchronized (one shared workspace); for concurrent streaming use one
 * {@link StepKernel} per thread.
 */
public final class Sequential {
    private static final int PREDICT_CHUNK = 256;

    private final Network net;
    private final long seed;
    private Optimizer optimizer;
    private Loss loss = Loss.MSE;
    private Updater updater;
    private History lastHistory;

    Sequential(Network net, long seed) {
        this.net = net;
        this.seed = seed;
    }

    public static Builder builder(int features) {
        return new Builder(features);
    }

    /** Collects layers; build() creates the model with Keras default initialisers seeded by seed(). */
    public static final class Builder {
        private final int features;
        private final List<LayerConfig> layers = new ArrayList<>();
        private long seed;

        private Builder(int features) {
            if (features <= 0) {
                throw new IllegalArgumentException("features must be > 0, got " + features);
            }
            this.features = features;
        }

        public Builder add(LayerSpec layer) {
            if (layer == null) {
                throw new IllegalArgumentException("layer must not be null");
            }
            layers.add(layer.toConfig());
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Sequential build() {
            Network n = new Network(features, layers);
            n.initialize(seed);
            return new Sequential(n, seed);
        }
    }

    // ---------------------------------------------------------------- compile / fit

    public synchronized void compile(Optimizer optimizer, Loss loss) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        this.optimizer = optimizer;
        this.loss = loss;
        this.updater = optimizer.newUpdater();
    }

    /** Train a last-step model: x [batch][time][features], y [batch][outputs]. */
    public History fit(double[][][] x, double[][] y, FitOptions options) {
        requireLastStep("fit(double[][][], double[][], ...)");
        int t = Inputs.checkX(x, net.features);
        Inputs.checkY2(y, x.length, outputs());
        return fitFlat(Inputs.flattenX(x, t, net.features), Inputs.flattenY2(y, outputs()), x.length, t, options);
    }

    /**
     * Train a last-step model on samples already laid out flat, sample-major: x[(b * timeSteps + i) * features + f],
     * y[b * outputs + o]; the same training as {@link #fit(double[][][], double[][], FitOptions)} on the nested form,
     * without its many small arrays (with tens of thousands of windows, millions of objects for the collector to
     * copy while a service trains beside its stream). The arrays are not modified.
     */
    public History fit(double[] x, int timeSteps, double[] y, FitOptions options) {
        requireLastStep("fit(double[], int, double[], ...)");
        int n = Inputs.checkFlatX(x, timeSteps, net.features);
        Inputs.checkFlatY(y, n, outputs());
        return fitFlat(x, y, n, timeSteps, options);
    }

    /** Train a returnSequences model: y [batch][time][outputs]. */
    public History fit(double[][][] x, double[][][] y, FitOptions options) {
        requireSequences("fit(double[][][], double[][][], ...)");
        int t = Inputs.checkX(x, net.features);
        Inputs.checkY3(y, x.length, t, outputs());
        return fitFlat(Inputs.flattenX(x, t, net.features), Inputs.flattenY3(y, t, outputs()), x.length, t, options);
    }

    private synchronized History fitFlat(double[] xAll, double[] yAll, int n, int t, FitOptions options) {
        requireCompiled();
        FitOptions o = options == null ? FitOptions.defaults() : options;
        int nVal = (int) Math.floor(n * o.validationSplit());
        int nTrain = n - nVal;
        if (o.validationSplit() > 0 && (nVal == 0 || nTrain == 0)) {
            throw new IllegalArgumentException("validationSplit " + o.validationSplit() + " of " + n
                    + " samples leaves " + nTrain + " training and " + nVal + " validation samples; need >= 1 each");
        }
        Batcher batcher = new Batcher(xAll, yAll, t, net.features, outputs(), net.seqOut, o.batchSize());
        int[] perm = new int[nTrain];
        SplitMix64 rng = new SplitMix64(o.seed());
        List<Double> losses = new ArrayList<>();
        List<Double> valLosses = new ArrayList<>();
        boolean monitorVal = nVal > 0;
        boolean early = o.earlyStoppingPatience() > 0;
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int wait = 0;
        double[] bestWeights = null;
        double[] epochStart = new double[parameterCount()];
        boolean stopped = false;
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            snapshot(epochStart);
            for (int i = 0; i < nTrain; i++) {
                perm[i] = i;
            }
            if (o.shuffle()) {
                rng.shuffle(perm, nTrain);
            }
            double sum = 0.0;
            int batchNo = 0;
            for (int start = 0; start < nTrain; start += o.batchSize()) {
                int bs = Math.min(o.batchSize(), nTrain - start);
                batcher.gather(perm, start, bs);
                double l = net.lossAndGradients(batcher.xs, batcher.ys, t, bs, loss.fn());
                if (!Double.isFinite(l)) {
                    diverged(epochStart, "loss is " + l + " at epoch " + epoch + ", batch " + batchNo);
                }
                updater.apply(net.params);
                net.weightsChanged();
                sum += l * bs;
                batchNo++;
            }
            if (!weightsFinite()) {
                diverged(epochStart, "weights became NaN/Inf during epoch " + epoch);
            }
            double epochLoss = sum / nTrain;
            losses.add(epochLoss);
            double val = Double.NaN;
            if (monitorVal) {
                val = evaluateFlat(batcher, nTrain, nVal);
                valLosses.add(val);
            }
            if (o.listener() != null) {
                o.listener().onEpochEnd(epoch, epochLoss, val);
            }
            if (early) {
                // Keras EarlyStopping(patience, min_delta=0, mode=min) semantics
                double current = monitorVal ? val : epochLoss;
                wait++;
                if (current < best) {
                    best = current;
                    bestEpoch = epoch;
                    if (o.restoreBestWeights()) {
                        bestWeights = bestWeights == null ? new double[parameterCount()] : bestWeights;
                        snapshot(bestWeights);
                    }
                    wait = 0;
                } else if (wait >= o.earlyStoppingPatience() && epoch > 0) {
                    stopped = true;
                    if (o.restoreBestWeights() && bestWeights != null) {
                        restore(bestWeights);
                    }
                    break;
                }
            }
        }
        History h = new History(losses, valLosses, stopped, early ? bestEpoch : -1);
        lastHistory = h;
        return h;
    }

    private void diverged(double[] restoreTo, String what) {
        restore(restoreTo);
        updater = optimizer.newUpdater();
        throw new TrainingDivergedException("training diverged: " + what
                + "; weights restored to the start of that epoch and optimizer state reset"
                + " (try a lower learning rate or clipnorm)");
    }

    private double evaluateFlat(Batcher batcher, int from, int count) {
        double sum = 0.0;
        int t = batcher.t;
        int chunk = batcher.maxBatch;
        int[] idx = new int[Math.min(chunk, count)];
        for (int start = 0; start < count; start += chunk) {
            int bs = Math.min(chunk, count - start);
            for (int i = 0; i < bs; i++) {
                idx[i] = from + start + i;
            }
            batcher.gather(idx, 0, bs);
            double[] y = net.forward(batcher.xs, t, bs);
            int rows = net.outputRows(t, bs);
            sum += loss.fn().loss(y, batcher.ys, rows * outputs()) * bs;
        }
        return sum / count;
    }

    // ---------------------------------------------------------------- single batches

    /** Loss and gradients for one batch at the current weights (no update). */
    public synchronized Gradients computeGradients(double[][][] x, double[][] y) {
        requireLastStep("computeGradients(double[][][], double[][])");
        int t = Inputs.checkX(x, net.features);
        Inputs.checkY2(y, x.length, outputs());
        return gradientsFlat(x, t, Inputs.flattenY2(y, outputs()));
    }

    public synchronized Gradients computeGradients(double[][][] x, double[][][] y) {
        requireSequences("computeGradients(double[][][], double[][][])");
        int t = Inputs.checkX(x, net.features);
        Inputs.checkY3(y, x.length, t, outputs());
        return gradientsFlat(x, t, Inputs.flattenY3(y, t, outputs()));
    }

    private Gradients gradientsFlat(double[][][] x, int t, double[] yFlat) {
        Batcher b = wholeBatch(x, t, yFlat);
        double l = net.lossAndGradients(b.xs, b.ys, t, x.length, loss.fn());
        Map<String, double[]> g = new LinkedHashMap<>();
        for (Param p : net.params) {
            g.put(p.name, p.grad.clone());
        }
        return new Gradients(l, g);
    }

    /** One optimizer step on this batch (Keras train_on_batch); returns the loss before the step. */
    public synchronized double trainOnBatch(double[][][] x, double[][] y) {
        requireLastStep("trainOnBatch(double[][][], double[][])");
        int t = Inputs.checkX(x, net.features);
        Inputs.checkY2(y, x.length, outputs());
        return trainFlat(x, t, Inputs.flattenY2(y, outputs()));
    }

    public synchronized double trainOnBatch(double[][][] x, double[][][] y) {
        requireSequences("trainOnBatch(double[][][], double[][][])");
        int t = Inputs.checkX(x, net.features);
        Inputs.checkY3(y, x.length, t, outputs());
        return trainFlat(x, t, Inputs.flattenY3(y, t, outputs()));
    }

    private double trainFlat(double[][][] x, int t, double[] yFlat) {
        requireCompiled();
        Batcher b = wholeBatch(x, t, yFlat);
        double[] before = new double[parameterCount()];
        snapshot(before);
        double l = net.lossAndGradients(b.xs, b.ys, t, x.length, loss.fn());
        if (!Double.isFinite(l)) {
            diverged(before, "loss is " + l + " in trainOnBatch");
        }
        updater.apply(net.params);
        net.weightsChanged();
        if (!weightsFinite()) {
            diverged(before, "weights became NaN/Inf in trainOnBatch");
        }
        return l;
    }

    private Batcher wholeBatch(double[][][] x, int t, double[] yFlat) {
        int n = x.length;
        Batcher b = new Batcher(Inputs.flattenX(x, t, net.features), yFlat, t, net.features, outputs(), net.seqOut, n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        b.gather(idx, 0, n);
        return b;
    }

    // ---------------------------------------------------------------- inference

    /** Outputs [batch][outputs] of a last-step model. */
    public synchronized double[][] predict(double[][][] x) {
        requireLastStep("predict (use predictSequences for returnSequences models)");
        int t = Inputs.checkX(x, net.features);
        int o = outputs();
        double[][] out = new double[x.length][o];
        forEachChunk(x, t, (y, start, bs) -> {
            for (int b = 0; b < bs; b++) {
                System.arraycopy(y, b * o, out[start + b], 0, o);
            }
        });
        return out;
    }

    /** Outputs [batch][time][outputs] of a returnSequences model. */
    public synchronized double[][][] predictSequences(double[][][] x) {
        requireSequences("predictSequences (use predict for last-step models)");
        int t = Inputs.checkX(x, net.features);
        int o = outputs();
        double[][][] out = new double[x.length][t][o];
        forEachChunk(x, t, (y, start, bs) -> {
            for (int s = 0; s < t; s++) {
                for (int b = 0; b < bs; b++) {
                    System.arraycopy(y, (s * bs + b) * o, out[start + b][s], 0, o);
                }
            }
        });
        return out;
    }

    private interface ChunkSink {
        void accept(double[] y, int start, int bs);
    }

    private void forEachChunk(double[][][] x, int t, ChunkSink sink) {
        int f = net.features;
        int n = x.length;
        double[] xs = new double[t * Math.min(n, PREDICT_CHUNK) * f];
        for (int start = 0; start < n; start += PREDICT_CHUNK) {
            int bs = Math.min(PREDICT_CHUNK, n - start);
            for (int s = 0; s < t; s++) {
                for (int b = 0; b < bs; b++) {
                    System.arraycopy(x[start + b][s], 0, xs, (s * bs + b) * f, f);
                }
            }
            sink.accept(net.forward(xs, t, bs), start, bs);
        }
    }

    /** Compiled loss (MSE unless compiled otherwise) of a last-step model on (x, y). */
    public synchronized double evaluate(double[][][] x, double[][] y) {
        requireLastStep("evaluate(double[][][], double[][])");
        int t = Inputs.checkX(x, net.features);
        Inputs.checkY2(y, x.length, outputs());
        Batcher b = new Batcher(Inputs.flattenX(x, t, net.features), Inputs.flattenY2(y, outputs()), t, net.features,
                outputs(), false, PREDICT_CHUNK);
        return evaluateFlat(b, 0, x.length);
    }

    public synchronized double evaluate(double[][][] x, double[][][] y) {
        requireSequences("evaluate(double[][][], double[][][])");
        int t = Inputs.checkX(x, net.features);
        Inputs.checkY3(y, x.length, t, outputs());
        Batcher b = new Batcher(Inputs.flattenX(x, t, net.features), Inputs.flattenY3(y, t, outputs()), t,
                net.features, outputs(), true, PREDICT_CHUNK);
        return evaluateFlat(b, 0, x.length);
    }

    /** A streaming kernel over this model's weights (shared, not copied). Not thread-safe: one per thread. */
    public StepKernel stepKernel() {
        return new StepKernel(net);
    }

    // ---------------------------------------------------------------- introspection / weights

    public int inputFeatures() {
        return net.features;
    }

    public int outputs() {
        return net.outputs();
    }

    public int parameterCount() {
        int n = 0;
        for (Param p : net.params) {
            n += p.size();
        }
        return n;
    }

    /** True if the last recurrent layer returns sequences (outputs per time step). */
    public boolean returnsSequences() {
        return net.seqOut;
    }

    /** Per-key streaming state size (see {@link StepKernel#stateSize()}). */
    public int stateSize() {
        return net.stateSize();
    }

    public long seed() {
        return seed;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** History of the most recent fit (also restored from a model document), or null. */
    public History lastHistory() {
        return lastHistory;
    }

    void lastHistory(History h) {
        this.lastHistory = h;
    }

    public Loss loss() {
        return loss;
    }

    /** Copies of all weights by Keras name, in Keras order (rnn/kernel, rnn/recurrent_kernel, rnn/bias, dense/...). */
    public synchronized Map<String, double[]> weights() {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Param p : net.params) {
            m.put(p.name, p.value.clone());
        }
        return m;
    }

    /** Shapes by Keras name, e.g. rnn/bias -> [2, 3U] for GRU resetAfter=true. */
    public Map<String, int[]> weightShapes() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (Param p : net.params) {
            m.put(p.name, p.shape.clone());
        }
        return Collections.unmodifiableMap(m);
    }

    /** Replaces every weight; all names must be present with the right length and finite values. */
    public synchronized void setWeights(Map<String, double[]> weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
        for (String k : weights.keySet()) {
            if (find(k) == null) {
                throw new IllegalArgumentException("unknown weight '" + k + "'; this model has " + weightShapes()
                        .keySet());
            }
        }
        for (Param p : net.params) {
            double[] v = weights.get(p.name);
            if (v == null) {
                throw new IllegalArgumentException("missing weight '" + p.name + "' (shape " + p.shapeString() + ")");
            }
            checkWeight(p, v);
        }
        for (Param p : net.params) {
            System.arraycopy(weights.get(p.name), 0, p.value, 0, p.size());
        }
        net.weightsChanged();
    }

    /** Replaces one weight tensor by Keras name. */
    public synchronized void setWeight(String name, double[] value) {
        Param p = find(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown weight '" + name + "'; this model has "
                    + weightShapes().keySet());
        }
        checkWeight(p, value);
        System.arraycopy(value, 0, p.value, 0, p.size());
        net.weightsChanged();
    }

    private static void checkWeight(Param p, double[] v) {
        if (v == null || v.length != p.size()) {
            throw new IllegalArgumentException("weight '" + p.name + "' needs " + p.size() + " values (shape "
                    + p.shapeString() + "), got " + (v == null ? "null" : v.length));
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("weight '" + p.name + "'[" + i + "] is " + v[i]);
            }
        }
    }

    private Param find(String name) {
        for (Param p : net.params) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Deep copy: same config and weights, independent arrays; compiled with the same optimizer (fresh state). */
    public synchronized Sequential copy() {
        Network n = new Network(net.features, net.configs);
        Sequential s = new Sequential(n, seed);
        for (int i = 0; i < net.params.size(); i++) {
            System.arraycopy(net.params.get(i).value, 0, n.params.get(i).value, 0, net.params.get(i).size());
        }
        n.weightsChanged();
        if (optimizer != null) {
            s.compile(optimizer, loss);
        }
        return s;
    }

    // ---------------------------------------------------------------- package internals

    Network network() {
        return net;
    }

    List<LayerConfig> layerConfigs() {
        return net.configs;
    }

    private void snapshot(double[] dst) {
        int off = 0;
        for (Param p : net.params) {
            System.arraycopy(p.value, 0, dst, off, p.size());
            off += p.size();
        }
    }

    private void restore(double[] src) {
        int off = 0;
        for (Param p : net.params) {
            System.arraycopy(src, off, p.value, 0, p.size());
            off += p.size();
        }
        net.weightsChanged();
    }

    private boolean weightsFinite() {
        for (Param p : net.params) {
            if (!Vec.allFinite(p.value)) {
                return false;
            }
        }
        return true;
    }

    private void requireCompiled() {
        if (updater == null) {
            throw new IllegalStateException("model is not compiled: call compile(optimizer, loss) before training");
        }
    }

    private void requireLastStep(String what) {
        if (net.seqOut) {
            throw new IllegalArgumentException(what + ": this model returns sequences (returnSequences=true), so "
                    + "targets/outputs are [batch][time][outputs]; use the 3-D overload");
        }
    }

    private void requireSequences(String what) {
        if (!net.seqOut) {
            throw new IllegalArgumentException(what + ": this model outputs only the last step, so targets/outputs "
                    + "are [batch][outputs]; use the 2-D overload");
        }
    }

    /** Gathers batches from sample-major arrays into the time-major layout the network uses. */
    private static final class Batcher {
        final double[] xAll;
        final double[] yAll;
        final int t;
        final int f;
        final int o;
        final boolean seq;
        final double[] xs;
        final double[] ys;
        final int maxBatch;

        Batcher(double[] xAll, double[] yAll, int t, int f, int o, boolean seq, int maxBatch) {
            this.xAll = xAll;
            this.yAll = yAll;
            this.t = t;
            this.f = f;
            this.o = o;
            this.seq = seq;
            this.maxBatch = maxBatch;
            this.xs = new double[t * maxBatch * f];
            this.ys = new double[(seq ? t : 1) * maxBatch * o];
        }

        void gather(int[] idx, int start, int bs) {
            for (int j = 0; j < bs; j++) {
                int sIdx = idx[start + j];
                for (int s = 0; s < t; s++) {
                    System.arraycopy(xAll, (sIdx * t + s) * f, xs, (s * bs + j) * f, f);
                }
                if (seq) {
                    for (int s = 0; s < t; s++) {
                        System.arraycopy(yAll, (sIdx * t + s) * o, ys, (s * bs + j) * o, o);
                    }
                } else {
                    System.arraycopy(yAll, sIdx * o, ys, j * o, o);
                }
            }
        }
    }
}
