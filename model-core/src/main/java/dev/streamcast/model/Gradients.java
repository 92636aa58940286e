package dev.streamcast.model;

import java.util.Collections;
import java.util.Map;

/** Loss and dLoss/dWeight for one batch, weights named like Keras (rnn/kernel, ..., dense/bias). */
public final class Gradients {
    private final double loss;
    private final Map<String, double[]> grads;

    Gradients(double loss, Map<String, double[]> grads) {
        this.loss = loss;
        this.grads = Collections.unmodifiableMap(grads);
    }

    public double loss() {
        return loss;
    }

    /** Row-major flat gradients in Keras layout, in weight order. */
    public Map<String, double[]> gradients() {
        return grads;
    }
}
