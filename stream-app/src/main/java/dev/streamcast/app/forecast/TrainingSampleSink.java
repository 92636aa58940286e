package dev.streamcast.app.forecast;

/** Receives training windows as series advance; {@code window} is a scratch buffer the sink must copy. */
@FunctionalInterface
public interface TrainingSampleSink {

    void accept(String series, long ts, double[] window, double target);

    /**
     * Whether the next window would be taken; a true reserves its place. Asked before the window is built, so a
     * sink that is rate-limited costs nothing for the windows it would drop.
     */
    default boolean reserve() {
        return true;
    }
}
