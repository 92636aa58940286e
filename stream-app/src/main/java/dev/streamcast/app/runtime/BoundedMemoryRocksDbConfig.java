package dev.streamcast.app.runtime;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Caps RocksDB's off-heap memory for the whole process, however many partitions (and so store instances) it hosts:
 * every store shares one LRU block cache of {@code rocksdb.cache.bytes}, and memtables are capped per store (or, when
 * {@code rocksdb.write.buffer.bytes} is set, a write buffer manager charges all of them to that same cache). Index
 * and filter blocks live in the cache too (high priority), so they are bounded as well. This is the pattern of the
 * Kafka Streams memory-management guide; without it each store opens its own 50 MB cache and 3 x 16 MB memtables.
 *
 * <p>The cache and manager are created once per JVM, from the settings of the first store opened, and never closed
 * (every store shares them).
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

    public static final String CACHE_BYTES = "rocksdb.cache.bytes";
    public static final String WRITE_BUFFER_BYTES = "rocksdb.write.buffer.bytes";
    public static final String MEMTABLE_BYTES = "rocksdb.memtable.bytes";
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;
    /**
     * 0: no write buffer manager by default. Measured here (bench --mode max, 100,000 records, 1,000 keys, retraining
     * off): with a 16 MB manager charged to the cache every store's put stalled and the forecaster drained 1,150/s;
     * without it 10,300/s. Memtables are still capped per store (2 x {@code rocksdb.memtable.bytes}).
     */
    public static final long DEFAULT_WRITE_BUFFER_BYTES = 0;
    /**
     * Per memtable (two per store). 4 MiB filled in a fraction of a second with 100,000 series, and flushing and
     * compacting the many small files took a third of a core: bench --mode max, 100,000 keys, 47,100/s and 44,200/s
     * at 4 MiB, 48,800-51,800/s at 16 MiB, 49,200-51,100/s at 32 MiB.
     */
    public static final long DEFAULT_MEMTABLE_BYTES = 16L << 20;
    /** Share of the cache reserved for index and filter blocks. */
    private static final double INDEX_FILTER_RATIO = 0.1;
    private static final long BLOCK_SIZE = 4096L * 4;

    private static final Logger LOG = LoggerFactory.getLogger(BoundedMemoryRocksDbConfig.class);
    private static Shared shared;

    /** The process-wide cache and write buffer manager with the sizes they were made with. */
    public record Shared(Cache cache, WriteBufferManager writeBuffers, long cacheBytes, long writeBufferBytes) {
    }

    static synchronized Shared shared(Map<String, Object> configs) {
        if (shared == null) {
            long cacheBytes = bytes(configs, CACHE_BYTES, DEFAULT_CACHE_BYTES);
            long writeBufferBytes = Math.min(bytes(configs, WRITE_BUFFER_BYTES, DEFAULT_WRITE_BUFFER_BYTES),
                    cacheBytes);
            Cache cache = new LRUCache(cacheBytes, -1, false, INDEX_FILTER_RATIO);
            shared = new Shared(cache, writeBufferBytes > 0 ? new WriteBufferManager(writeBufferBytes, cache) : null,
                    cacheBytes, writeBufferBytes);
            LOG.info("RocksDB memory bounded for this process: {} bytes block cache, of which {} for memtables",
                    cacheBytes, writeBufferBytes);
        }
        return shared;
    }

    /** The shared sizes in use, or null before the first store opened (for tests and metrics). */
    public static synchronized Shared current() {
        return shared;
    }

    private static final java.util.concurrent.atomic.AtomicInteger CONFIGURED =
            new java.util.concurrent.atomic.AtomicInteger();

    /** How many store instances this process has configured (for tests). */
    public static int storesConfigured() {
        return CONFIGURED.get();
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared s = shared(configs);
        CONFIGURED.incrementAndGet();
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(s.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        options.setMaxWriteBufferNumber(2);
        if (s.writeBuffers() != null) {
            options.setWriteBufferManager(s.writeBuffers());
            options.setWriteBufferSize(Math.max(1L << 20, Math.min(s.writeBufferBytes() / 4, 16L << 20)));
        } else {
            options.setWriteBufferSize(bytes(configs, MEMTABLE_BYTES, DEFAULT_MEMTABLE_BYTES));
        }
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store of the process: never closed here.
    }

    private static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object v = configs.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.toString().trim());
            if (n == 0 && key.equals(WRITE_BUFFER_BYTES)) {
                return 0;
            }
            if (n < (1L << 20)) {
                throw new IllegalArgumentException(key + " must be at least 1048576 bytes, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of bytes, got '" + v + "'", e);
        }
    }
}
