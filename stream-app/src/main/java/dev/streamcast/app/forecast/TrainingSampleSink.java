package dev.streamcast.app.forecast;

/** Receives training windows as series advance; {@code window} is a scratch buffer the sink must copy. */
@FunctionalInterface
public interface TrainingSampleSink {

    void accept(String series, long ts, double[] window, double target);
}
