package dev.streamcast.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class AppMetricsTest {

    /** Tagged as Micrometer's Kafka binder tags them: the same name for both store types, another tag key each. */
    @Test
    void theRocksDbStoresMetricsAreKeptAndTheInMemoryStoresLeftOut() {
        MeterRegistry r = new AppMetrics().registry();
        // The in-memory store first: unfiltered, it would take the name and the RocksDB stores' be refused.
        Gauge.builder("kafka.stream.state.commit.latency.max", () -> 2.0)
                .tags("in.memory.lru.state.id", "latest-forecasts", "task.id", "0_0").register(r);
        Gauge.builder("kafka.stream.state.commit.latency.max", () -> 1.0)
                .tags("rocksdb.state.id", "series-state", "task.id", "0_0").register(r);
        assertNotNull(r.find("kafka.stream.state.commit.latency.max").tag("rocksdb.state.id", "series-state").gauge());
        assertNull(r.find("kafka.stream.state.commit.latency.max").tag("in.memory.lru.state.id", "latest-forecasts")
                .gauge());
        assertEquals(1, r.find("kafka.stream.state.commit.latency.max").gauges().size());
    }
}
