package dev.streamcast.loadgen.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LastEventTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:34:56.789Z");

    @Test
    void withNothingOnTheTopicOrOnlyOlderEventsItIsTheCurrentMinute() {
        assertEquals(Instant.parse("2026-11-30T12:34:00Z"), LastEventTime.startAfter(NOW, Optional.empty()));
        assertEquals(Instant.parse("2026-11-30T12:34:00Z"),
                LastEventTime.startAfter(NOW, Optional.of(Instant.parse("2026-11-30T12:00:00Z"))));
    }

    @Test
    void afterLaterEventsItIsTheMinuteAfterTheLatest() {
        assertEquals(Instant.parse("2026-11-30T14:01:00Z"),
                LastEventTime.startAfter(NOW, Optional.of(Instant.parse("2026-11-30T14:00:00Z"))));
        assertEquals(Instant.parse("2026-11-30T14:01:00Z"),
                LastEventTime.startAfter(NOW, Optional.of(Instant.parse("2026-11-30T14:00:30Z"))));
    }
}
