package dev.streamcast.model;

/** Factories for layer specs, named like the Keras layers. */
public final class Layers {
    private Layers() {
    }

    public static SimpleRnnSpec simpleRnn(int units) {
        return new SimpleRnnSpec(units);
    }

    public static GruSpec gru(int units) {
        return new GruSpec(units);
    }

    public static LstmSpec lstm(int units) {
        return new LstmSpec(units);
    }

    public static DenseSpec dense(int units) {
        return new DenseSpec(units);
    }
}
