package dev.streamcast.app.topology;

import java.util.Map;

/**
 * Which of the two series-state stores a series' state goes to. Kafka Streams' record cache folds the updates a
 * series gets between two commits into one write to RocksDB and the changelog, which pays when a series has several
 * events per commit interval (1,000 busy series: 40 times fewer writes). For a series with fewer events than commits
 * (100,000 series at 60,000 events/s: one event every 1.7 s, a commit every 100 ms) the cache folds nothing and its
 * bookkeeping cost 5-13% of the throughput. So a series whose events typically come within a commit interval is
 * <em>busy</em> and lives in the cached store; one whose events are typically more than two intervals apart lives in
 * the uncached one; in between it stays where it is, so a series at the border does not move at every event.
 * "Typically" is a moving average of the gaps ({@link #typicalGap}), so a stall of the application itself (a
 * collection, a slow commit) does not move every busy series out and back: measured on the last gap alone, the
 * stalls of an exactly-once run at 40,000 events/s moved 15,000 series in 150 s, each move two writes, all at
 * the moment the application was already behind.
 */
final class BusySeries {

    /** Kafka Streams' defaults when commit.interval.ms is not set. */
    static final long EXACTLY_ONCE_COMMIT_MS = 100;
    static final long AT_LEAST_ONCE_COMMIT_MS = 30_000;

    private final long commitIntervalMs;

    BusySeries(long commitIntervalMs) {
        this.commitIntervalMs = commitIntervalMs;
    }

    /** The commit interval these Kafka Streams settings give. */
    static BusySeries of(Map<String, Object> streamsConfig) {
        Object interval = streamsConfig.get("commit.interval.ms");
        if (interval != null) {
            return new BusySeries(Long.parseLong(interval.toString().trim()));
        }
        Object guarantee = streamsConfig.get("processing.guarantee");
        boolean exactlyOnce = guarantee != null && guarantee.toString().startsWith("exactly_once");
        return new BusySeries(exactlyOnce ? EXACTLY_ONCE_COMMIT_MS : AT_LEAST_ONCE_COMMIT_MS);
    }

    /** The moving average of a series' gaps after one more {@code gapMs}; NaN before its first gap. */
    static float typicalGap(float typical, long gapMs) {
        return Float.isNaN(typical) ? gapMs : typical + (gapMs - typical) / 8;
    }

    /** Whether a series now {@code busy} stays or becomes so, its events typically {@code gapMs} apart. */
    boolean busy(boolean busy, float gapMs) {
        if (gapMs <= commitIntervalMs) {
            return true;
        }
        return busy && gapMs <= 2 * commitIntervalMs;
    }

    long commitIntervalMs() {
        return commitIntervalMs;
    }
}
