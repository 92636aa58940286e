package dev.streamcast.app.runtime;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;

/**
 * What to do when a stream thread dies. A transient failure gets a fresh thread; lost credentials or permissions, or
 * a thread that keeps dying (more than {@link #MAX_REPLACEMENTS} times in {@link #WINDOW_MS}), stop this instance
 * instead, so the process exits with a clear reason rather than spinning on a failure that will not pass.
 */
final class StreamFailurePolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamFailurePolicy.class);
    static final int MAX_REPLACEMENTS = 5;
    static final long WINDOW_MS = 60_000;

    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private final long nowOverride;

    StreamFailurePolicy() {
        this(-1);
    }

    /** For tests: a fixed clock. */
    StreamFailurePolicy(long nowOverride) {
        this.nowOverride = nowOverride;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable e) {
        Throwable security = securityCause(e);
        if (security != null) {
            LOG.error("stopping: the cluster refused this application's credentials or permissions: {}",
                    security.getMessage());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        long now = nowOverride >= 0 ? nowOverride : System.currentTimeMillis();
        while (!recent.isEmpty() && now - recent.peekFirst() > WINDOW_MS) {
            recent.removeFirst();
        }
        recent.addLast(now);
        if (recent.size() > MAX_REPLACEMENTS) {
            LOG.error("stopping: stream threads failed {} times within {} s; last failure follows", recent.size(),
                    WINDOW_MS / 1000, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("stream thread failed; replacing it", e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    static Throwable securityCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
