package dev.streamcast.app.topology;

import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failing state store is not the event's fault: the task fails (and, under exactly-once, its transaction with any
 * half-written update is aborted) instead of sending the event, and every later one, to the dead-letter topic.
 */
class StoreFailureTest {

    @TempDir
    Path stateDir;

    @Test
    void aStoreThatFailsFailsTheTaskAndDeadLettersNothing() {
        try (TopologyHarness h = new TopologyHarness(TopologySettings.defaults(), stateDir)) {
            h.point("a", 0, 1.0);
            h.nextForecast();
            innermost((StateStore) h.driver.getKeyValueStore(ForecastTopology.SERIES_STORE)).close(); // RocksDB gone

            StreamsException e = assertThrows(StreamsException.class, () -> h.point("b", 60_000, 2.0));
            assertTrue(h.deadLetters.isEmpty(), "nothing went to the dead-letter topic");
            assertTrue(h.forecasts.isEmpty(), "and no forecast: the event is processed again after the restore");
            assertTrue(String.valueOf(e.getMessage()).contains(ForecastTopology.SERIES_STORE)
                    || String.valueOf(e.getCause()).contains(ForecastTopology.SERIES_STORE), String.valueOf(e));
        }
    }

    private static StateStore innermost(StateStore store) {
        while (store instanceof WrappedStateStore<?, ?, ?> w) {
            store = w.wrapped();
        }
        return store;
    }
}
