package dev.streamcast.app.topology;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A state written by an older version (another format) restarts its series instead of dead-lettering it forever. */
class UnreadableStateTest {

    @TempDir
    Path stateDir;

    @Test
    void aSeriesWithAnOldFormatStateStartsAgainAndKeepsForecasting() {
        try (TopologyHarness h = new TopologyHarness(TopologySettings.defaults(), stateDir)) {
            h.point("other", 0, 1.0);
            h.nextForecast();
            // The bytes below the typed store: what an older version left there (format byte 2, then its fields).
            @SuppressWarnings("unchecked")
            KeyValueStore<Bytes, byte[]> raw = (KeyValueStore<Bytes, byte[]>)
                    ((WrappedStateStore<?, ?, ?>) h.driver.getKeyValueStore(ForecastTopology.SERIES_STORE)).wrapped();
            raw.put(Bytes.wrap("old".getBytes(StandardCharsets.UTF_8)), new byte[] {2, 0, 0, 0, 7, 1, 2, 3});

            h.point("old", 60_000, 5.0);
            h.point("old", 120_000, 6.0);
            JsonNode first = h.nextForecast();
            JsonNode second = h.nextForecast();
            assertTrue(h.deadLetters.isEmpty(), "nothing goes to the dead-letter topic");
            assertEquals("old", first.get("series").asText());
            assertFalse(first.get("warm").asBoolean(), "the series started again from this event");
            assertEquals(5.0, first.get("horizon").get(0).get("mean").asDouble(), "a new series forecasts its value");
            assertEquals(6.0, second.get("value").asDouble());
            assertTrue(h.metrics.scrape().contains("streamcast_state_restarted_total 1.0"), "counted once");
        }
    }
}
