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
 * every store shares one LRU block cache of {@code rocksdb.cache.bytes}, and a write buffer manager charges all
 * memtables to that same cache, flushing when they reach {@code rocksdb.write.buffer.bytes}. Index and filter blocks
 * live in the cache too (high priority), so they are bounded as well. This is the pattern of the Kafka Streams
 * memory-management guide; without it each store opens its own 50 MB cache and 3 x 16 MB memtables.
 *
 * <p>The cache and manager are created once per JVM, from the settings of the first store opened, and never closed
 * (every store shares them).
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

    public static final String CACHE_BYTES = "rocksdb.cache.bytes";
    public static final String WRITE_BUFFER_BYTES = "rocksdb.write.buffer.bytes";
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;
    public static final long DEFAULT_WRITE_BUFFER_BYTES = 16L << 20;
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
            shared = new Shared(cache, new WriteBufferManager(writeBufferBytes, cache), cacheBytes, writeBufferBytes);
            LOG.info("RocksDB memory bounded for this process: {} bytes block cache, of which {} for memtables",
                    cacheBytes, writeBufferBytes);
        }
        return shared;
    }

    /** The shared sizes in use, or null before the first store opened (for tests and metrics). */
    public static synchronized Shared current() {
        return shared;
    }

    private static final java.util.concurrent.atomic.AtomicInteger CONFIGURED = new java.util.concurrent.atomic.AtomicInteger();

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
        options.setWriteBufferManager(s.writeBuffers());
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(Math.max(1L << 20, Math.min(s.writeBufferBytes() / 4, 16L << 20)));
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
            if (n < (1L << 20)) {
                throw new IllegalArgumentException(key + " must be at least 1048576 bytes, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of bytes, got '" + v + "'", e);
        }
    }
}
