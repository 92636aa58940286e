package dev.streamcast.model;

/** Called after every epoch of {@link Sequential#fit}; valLoss is NaN without a validation split. */
@FunctionalInterface
public interface EpochListener {
    void onEpochEnd(int epoch, double loss, double valLoss);
}
