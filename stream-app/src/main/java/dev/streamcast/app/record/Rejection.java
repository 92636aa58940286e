package dev.streamcast.app.record;

/** Thrown by the parser for a record that cannot be accepted; carries the dead-letter reason. */
public final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    public Rejection(RejectReason reason, String message) {
        super(message, null, false, false); // no stack trace: rejections are expected, cheap control flow
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
