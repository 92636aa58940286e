package dev.streamcast.model;

/** Thrown by fit/trainOnBatch when the loss or the weights become NaN or infinite. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
