package dev.streamcast.app.chaos;

import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.runtime.BoundedMemoryRocksDbConfig;
import dev.streamcast.app.topology.ForecastTopology;
import dev.streamcast.app.topology.TopologySettings;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounded RocksDB setter is applied to the real topology's persistent stores with the sizes from the settings,
 * and the one shared block cache stays within its capacity while many series are written.
 */
class BoundedMemoryRocksDbConfigTest {

    @TempDir
    Path stateDir;

    @Test
    void everyStoreSharesOneCacheOfTheConfiguredSize() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "rocksdb-bounds");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
        p.put(BoundedMemoryRocksDbConfig.CACHE_BYTES, Long.toString(8L << 20));
        p.put(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES, Long.toString(2L << 20));
        int before = BoundedMemoryRocksDbConfig.storesConfigured();
        TopologySettings settings = TopologySettings.defaults();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                ForecastTopology.build(settings, new ModelRegistry(), new AppMetrics()), p)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(settings.observationsTopic(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            for (int i = 0; i < 20_000; i++) {
                in.pipeInput(("series-" + (i % 5000)).getBytes(StandardCharsets.UTF_8),
                        ("{\"ts\":" + (1000 + i) + ",\"value\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            BoundedMemoryRocksDbConfig.Shared shared = BoundedMemoryRocksDbConfig.current();
            assertEquals(8L << 20, shared.cacheBytes());
            assertEquals(2L << 20, shared.writeBufferBytes());
            assertEquals(2, BoundedMemoryRocksDbConfig.storesConfigured() - before,
                    "both persistent stores (series-state, series-state-busy) use the shared cache");
            long usage = shared.cache().getUsage();
            assertTrue(usage > 0, "the memtables are charged to the shared cache");
            assertTrue(usage <= shared.cacheBytes() * 11 / 10, "cache usage " + usage + " within its capacity");
        }
    }
}
