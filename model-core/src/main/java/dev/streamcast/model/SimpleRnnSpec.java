package dev.streamcast.model;

import dev.streamcast.model.internal.Activation;
import dev.streamcast.model.internal.LayerConfig;

/** Keras SimpleRNN: activation tanh by default, returnSequences false by default. */
public final class SimpleRnnSpec extends LayerSpec {
    private final int units;
    private Activation activation = Activation.TANH;
    private boolean returnSequences;

    SimpleRnnSpec(int units) {
        this.units = checkUnits("simpleRnn", units);
    }

    /** tanh, sigmoid, relu or linear. */
    public SimpleRnnSpec activation(String name) {
        this.activation = Activation.byName(name);
        return this;
    }

    public SimpleRnnSpec returnSequences(boolean value) {
        this.returnSequences = value;
        return this;
    }

    @Override
    LayerConfig toConfig() {
        return new LayerConfig(LayerConfig.Type.SIMPLE_RNN, units, activation, null, false, returnSequences);
    }
}
