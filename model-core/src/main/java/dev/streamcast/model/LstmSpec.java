package dev.streamcast.model;

import dev.streamcast.model.internal.Activation;
import dev.streamcast.model.internal.LayerConfig;

/** Keras LSTM: activation tanh, recurrentActivation sigmoid, unit_forget_bias, returnSequences false. */
public final class LstmSpec extends LayerSpec {
    private final int units;
    private Activation activation = Activation.TANH;
    private Activation recurrentActivation = Activation.SIGMOID;
    private boolean returnSequences;

    LstmSpec(int units) {
        this.units = checkUnits("lstm", units);
    }

    public LstmSpec activation(String name) {
        this.activation = Activation.byName(name);
        return this;
    }

    public LstmSpec recurrentActivation(String name) {
        this.recurrentActivation = Activation.byName(name);
        return this;
    }

    public LstmSpec returnSequences(boolean value) {
        this.returnSequences = value;
        return this;
    }

    @Override
    LayerConfig toConfig() {
        return new LayerConfig(LayerConfig.Type.LSTM, units, activation, recurrentActivation, false, returnSequences);
    }
}
