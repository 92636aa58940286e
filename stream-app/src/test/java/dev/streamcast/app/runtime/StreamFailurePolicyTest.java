package dev.streamcast.app.runtime;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamFailurePolicyTest {

    @Test
    void lostPermissionsOrCredentialsStopTheInstance() {
        StreamFailurePolicy p = new StreamFailurePolicy(0);
        assertEquals(SHUTDOWN_CLIENT, p.handle(new StreamsException(new TopicAuthorizationException("no WRITE"))));
        assertEquals(SHUTDOWN_CLIENT, p.handle(new StreamsException("wrapped",
                new RuntimeException(new SaslAuthenticationException("bad password")))));
    }

    @Test
    void transientFailuresGetAFreshThreadUntilTheyRepeatTooOften() {
        StreamFailurePolicy p = new StreamFailurePolicy(1_000);
        for (int i = 0; i < StreamFailurePolicy.MAX_REPLACEMENTS; i++) {
            assertEquals(REPLACE_THREAD, p.handle(new IllegalStateException("boom " + i)));
        }
        assertEquals(SHUTDOWN_CLIENT, p.handle(new IllegalStateException("again")));
    }
}
