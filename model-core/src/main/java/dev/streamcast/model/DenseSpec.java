package dev.streamcast.model;

import dev.streamcast.model.internal.Activation;
import dev.streamcast.model.internal.LayerConfig;

/** Keras Dense: activation linear by default. */
public final class DenseSpec extends LayerSpec {
    private final int units;
    private Activation activation = Activation.LINEAR;

    DenseSpec(int units) {
        this.units = checkUnits("dense", units);
    }

    public DenseSpec activation(String name) {
        this.activation = Activation.byName(name);
        return this;
    }

    @Override
    LayerConfig toConfig() {
        return new LayerConfig(LayerConfig.Type.DENSE, units, activation, null, false, false);
    }
}
