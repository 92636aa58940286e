package dev.streamcast.app.topology;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many series states one instance keeps decoded in memory ({@link RecentStates}), shared by the tasks it runs:
 * each open task may hold an equal part. When every series of a task fits, its events skip the store read and the
 * decoding (with 100,000 series and a few thousand per task they missed nearly always). The store stays the truth.
 */
public final class DecodedStateBudget {

    /**
     * Heap per decoded state with its map entry, for sizing from the heap: ~2.5 KB for a series without a season,
     * up to ~9 KB for a half-hourly one (a week of seasonal rings).
     */
    static final long BYTES_PER_STATE = 4096;
    /** Each task keeps at least this many whatever the budget: its busiest series. */
    static final int MIN_PER_TASK = 256;

    private final int total;
    private final AtomicInteger openTasks = new AtomicInteger();

    private DecodedStateBudget(int total) {
        if (total < 0) {
            throw new IllegalArgumentException("the decoded-state budget must be >= 0, got " + total);
        }
        this.total = total;
    }

    /** A budget of {@code total} states for the instance. */
    public static DecodedStateBudget of(int total) {
        return new DecodedStateBudget(total);
    }

    /** As many states as fill {@code share} of the maximum heap at {@link #BYTES_PER_STATE} each. */
    public static DecodedStateBudget ofHeapShare(double share) {
        long states = (long) (Runtime.getRuntime().maxMemory() * share / BYTES_PER_STATE);
        return new DecodedStateBudget((int) Math.min(Integer.MAX_VALUE, states));
    }

    public int total() {
        return total;
    }

    void taskOpened() {
        openTasks.incrementAndGet();
    }

    void taskClosed() {
        openTasks.decrementAndGet();
    }

    /** What one open task may keep now. */
    int perTask() {
        return Math.max(MIN_PER_TASK, total / Math.max(1, openTasks.get()));
    }
}
