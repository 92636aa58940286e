package dev.streamcast.model.internal;

/** Immutable description of one layer (what the model document stores as config). */
public final class LayerConfig {
    public enum Type {
        SIMPLE_RNN("simpleRnn"), GRU("gru"), LSTM("lstm"), DENSE("dense");

        public final String id;

        Type(String id) {
            this.id = id;
        }

        public static Type byId(String id) {
            for (Type t : values()) {
                if (t.id.equals(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown layer type '" + id + "'; expected simpleRnn, gru, lstm or dense");
        }
    }

    public final Type type;
    public final int units;
    public final Activation activation;
    public final Activation recurrentActivation;   // gru/lstm only, else null
    public final boolean resetAfter;                // gru only
    public final boolean returnSequences;           // recurrent only

    public LayerConfig(Type type, int units, Activation activation, Activation recurrentActivation,
                       boolean resetAfter, boolean returnSequences) {
        if (units <= 0) {
            throw new IllegalArgumentException(type.id + " units must be > 0, got " + units);
        }
        this.type = type;
        this.units = units;
        this.activation = activation;
        this.recurrentActivation = recurrentActivation;
        this.resetAfter = resetAfter;
        this.returnSequences = returnSequences;
    }

    public boolean recurrent() {
        return type != Type.DENSE;
    }
}
