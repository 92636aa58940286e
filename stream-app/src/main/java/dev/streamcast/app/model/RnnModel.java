package dev.streamcast.app.model;

import dev.streamcast.model.ModelDocument;
import dev.streamcast.model.Sequential;
import dev.streamcast.model.StepKernel;

/**
 * An RNN from a model document. The model-core step kernel holds scratch buffers and is not thread-safe, so
 * each thread that steps gets its own kernel; the weights are shared and never change after construction.
 */
public final class RnnModel implements ServingModel {

    private final int version;
    private final int window;
    private final ModelDocument document;
    private final Sequential network;
    private final int stateSize;
    private final ThreadLocal<Scratch> scratch;

    public RnnModel(int version, int window, ModelDocument document) {
        this.version = version;
        this.window = window;
        this.document = document;
        this.network = document.toModel();
        if (network.inputFeatures() != 1 || network.outputs() != 1) {
            throw new IllegalArgumentException("the forecaster needs a network with 1 input feature and 1 output, not "
                    + network.inputFeatures() + " -> " + network.outputs());
        }
        StepKernel probe = network.stepKernel();
        this.stateSize = probe.stateSize();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(network.stepKernel()));
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public int stateSize() {
        return stateSize;
    }

    @Override
    public int warmup() {
        return window;
    }

    @Override
    public double step(double[] hidden, double x) {
        Scratch s = scratch.get();
        s.x[0] = x;
        s.kernel.step(hidden, s.x, s.out);
        return s.out[0];
    }

    @Override
    public void rollout(double[] hidden, double first, double[] out) {
        if (out.length == 0) {
            return;
        }
        Scratch s = scratch.get();
        s.x[0] = first;
        s.kernel.rollout(hidden, s.x, out.length, out);
    }

    @Override
    public ModelDocument document() {
        return document;
    }

    public Sequential network() {
        return network;
    }

    private static final class Scratch {
        final StepKernel kernel;
        final double[] x = new double[1];
        final double[] out = new double[1];

        Scratch(StepKernel kernel) {
            this.kernel = kernel;
        }
    }
}
