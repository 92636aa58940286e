package dev.streamcast.app.model;

/** A model document that cannot serve here; the message says why. The serving model stays as it was. */
public final class InvalidModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
