package dev.streamcast.model;

import dev.streamcast.model.internal.Activation;
import dev.streamcast.model.internal.LayerConfig;

/** Keras GRU: activation tanh, recurrentActivation sigmoid, resetAfter true (Keras default), returnSequences false. */
public final class GruSpec extends LayerSpec {
    private final int units;
    private Activation activation = Activation.TANH;
    private Activation recurrentActivation = Activation.SIGMOID;
    private boolean resetAfter = true;
    private boolean returnSequences;

    GruSpec(int units) {
        this.units = checkUnits("gru", units);
    }

    public GruSpec activation(String name) {
        this.activation = Activation.byName(name);
        return this;
    }

    public GruSpec recurrentActivation(String name) {
        this.recurrentActivation = Activation.byName(name);
        return this;
    }

    /** true: Keras reset_after=True (default, bias [2][3U]); false: reset before the recurrent matmul (bias [3U]). */
    public GruSpec resetAfter(boolean value) {
        this.resetAfter = value;
        return this;
    }

    public GruSpec returnSequences(boolean value) {
        this.returnSequences = value;
        return this;
    }

    @Override
    LayerConfig toConfig() {
        return new LayerConfig(LayerConfig.Type.GRU, units, activation, recurrentActivation, resetAfter,
                returnSequences);
    }
}
