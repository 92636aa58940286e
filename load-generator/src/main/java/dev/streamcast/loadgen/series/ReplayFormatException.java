package dev.streamcast.loadgen.series;

/** A replay file that cannot be read; the message names the line and what is wrong with it. */
public final class ReplayFormatException extends IllegalArgumentException {
    public ReplayFormatException(String message) {
        super(message);
    }
}
