package dev.streamcast.model;

import dev.streamcast.model.internal.LayerConfig;

/** A layer description for {@link Sequential.Builder#add}; create one through {@link Layers}. */
public abstract class LayerSpec {
    LayerSpec() {
    }

    abstract LayerConfig toConfig();

    static int checkUnits(String what, int units) {
        if (units <= 0) {
            throw new IllegalArgumentException(what + " units must be > 0, got " + units);
        }
        return units;
    }
}
