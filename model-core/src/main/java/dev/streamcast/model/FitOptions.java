package dev.streamcast.model;

/** Options for {@link Sequential#fit}; Keras defaults: epochs 1, batch 32, shuffle true, no validation/early stop. */
public final class FitOptions {
    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final double validationSplit;
    private final int earlyStoppingPatience;
    private final boolean restoreBestWeights;
    private final EpochListener listener;

    private FitOptions(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.validationSplit = b.validationSplit;
        this.earlyStoppingPatience = b.earlyStoppingPatience;
        this.restoreBestWeights = b.restoreBestWeights;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static FitOptions defaults() {
        return builder().build();
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean shuffle() {
        return shuffle;
    }

    public long seed() {
        return seed;
    }

    public double validationSplit() {
        return validationSplit;
    }

    /** 0 disables early stopping. Monitors val_loss when there is a validation split, else loss. */
    public int earlyStoppingPatience() {
        return earlyStoppingPatience;
    }

    public boolean restoreBestWeights() {
        return restoreBestWeights;
    }

    public EpochListener listener() {
        return listener;
    }

    public static final class Builder {
        private int epochs = 1;
        private int batchSize = 32;
        private boolean shuffle = true;
        private long seed;
        private double validationSplit;
        private int earlyStoppingPatience;
        private boolean restoreBestWeights;
        private EpochListener listener;

        private Builder() {
        }

        public Builder epochs(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("epochs must be > 0, got " + v);
            }
            this.epochs = v;
            return this;
        }

        public Builder batchSize(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("batchSize must be > 0, got " + v);
            }
            this.batchSize = v;
            return this;
        }

        public Builder shuffle(boolean v) {
            this.shuffle = v;
            return this;
        }

        /** Seed of the batch shuffling (SplitMix64, Fisher-Yates per epoch). */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** Fraction in [0, 1) of the samples, taken from the end before shuffling (like Keras), used for val_loss. */
        public Builder validationSplit(double v) {
            if (!(v >= 0.0 && v < 1.0)) {
                throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + v);
            }
            this.validationSplit = v;
            return this;
        }

        public Builder earlyStoppingPatience(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("earlyStoppingPatience must be >= 0, got " + v);
            }
            this.earlyStoppingPatience = v;
            return this;
        }

        public Builder restoreBestWeights(boolean v) {
            this.restoreBestWeights = v;
            return this;
        }

        public Builder listener(EpochListener v) {
            this.listener = v;
            return this;
        }

        public FitOptions build() {
            return new FitOptions(this);
        }
    }
}
