package dev.streamcast.model;

/** A model document could not be read: malformed JSON, unsupported version, wrong shapes, hash mismatch, ... */
public final class ModelDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelDocumentException(String message) {
        super(message);
    }

    public ModelDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
