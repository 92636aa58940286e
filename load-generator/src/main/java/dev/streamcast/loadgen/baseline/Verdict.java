package dev.streamcast.loadgen.baseline;

/** Why an input was rejected; {@code reason} is the contract's {@code error.reason}. */
final class Verdict extends Exception {

    final String reason;

    Verdict(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }
}
