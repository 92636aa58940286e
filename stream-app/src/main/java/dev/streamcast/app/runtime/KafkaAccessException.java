package dev.streamcast.app.runtime;

/**
 * The cluster did not answer, or refused this application (authentication, ACLs): the operator's to fix, so the
 * command line reports it in one line rather than as a stack trace.
 */
public final class KafkaAccessException extends IllegalStateException {

    public KafkaAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
