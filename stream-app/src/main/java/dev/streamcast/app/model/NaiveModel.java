package dev.streamcast.app.model;

import dev.streamcast.model.ModelDocument;

import java.util.Arrays;

/** Version 0: the last value carries forward (a predicted difference of zero). Serves until a model is trained. */
public final class NaiveModel implements ServingModel {

    public static final NaiveModel INSTANCE = new NaiveModel();

    private NaiveModel() {
    }

    @Override
    public int version() {
        return 0;
    }

    @Override
    public int stateSize() {
        return 0;
    }

    @Override
    public int warmup() {
        return 1;
    }

    @Override
    public double step(double[] hidden, double x) {
        return 0.0;
    }

    @Override
    public void rollout(double[] hidden, double first, double[] out) {
        Arrays.fill(out, 0.0);
    }

    @Override
    public ModelDocument document() {
        return null;
    }
}
