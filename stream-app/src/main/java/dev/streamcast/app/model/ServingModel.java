package dev.streamcast.app.model;

import dev.streamcast.model.ModelDocument;

/**
 * The model that turns a series' inputs (normalised differences) into a prediction of the next input.
 * Version 0 is the naive model (predicts no change); later versions are RNNs trained by the retrainer.
 * Implementations are shared by all stream threads and must be safe for that.
 */
public interface ServingModel {

    int version();

    /** Length of the per-series hidden state (0 for the naive model). */
    int stateSize();

    /** Number of inputs a series needs before its forecasts count as warm. */
    int warmup();

    /** Advances {@code hidden} in place by input {@code x} and returns the predicted next input. */
    double step(double[] hidden, double x);

    /**
     * Predicts {@code out.length} further inputs after {@code first} from {@code hidden}, feeding each prediction
     * back, without changing {@code hidden}.
     */
    void rollout(double[] hidden, double first, double[] out);

    /** The document this model came from, or null for the naive model. */
    ModelDocument document();
}
