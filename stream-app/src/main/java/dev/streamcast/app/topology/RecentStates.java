package dev.streamcast.app.topology;

import dev.streamcast.app.state.SeriesState;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The series states of one task last read from its store, kept decoded, so an event of a series does not read and
 * decode its state from the store again (a twelfth of the stream thread's time with 1,000 series, more with
 * 100,000). The store stays the truth: every update is still written to it, and the processor drops an entry
 * whenever an update fails part-way, and drops them all when the task is (re)initialised or closed, so a revived
 * task never sees state from an aborted transaction. Holds its task's share of the instance's
 * {@link DecodedStateBudget}. Each entry also remembers which store holds the series and when its last event came
 * ({@link BusySeries}).
 */
final class RecentStates {

    /**
     * A decoded state, whether the busy (cached) store holds it, its last event's wall-clock time and the moving
     * average of its gaps ({@link BusySeries#typicalGap}; NaN until a second event).
     */
    static final class Entry {
        final SeriesState state;
        private boolean busy;
        private long seenMs;
        private float gapMs = Float.NaN;

        Entry(SeriesState state, boolean busy, long seenMs) {
            this.state = state;
            this.busy = busy;
            this.seenMs = seenMs;
        }

        boolean busy() {
            return busy;
        }

        /** Another event of the series at wall-clock {@code nowMs}: whether it is busy now, by {@code rule}. */
        boolean seenAgain(long nowMs, BusySeries rule) {
            gapMs = BusySeries.typicalGap(gapMs, nowMs - seenMs);
            seenMs = nowMs;
            busy = rule.busy(busy, gapMs);
            return busy;
        }
    }

    private final DecodedStateBudget budget;
    /**
     * In insertion order, not access order: with 100,000 series relinking an entry on every read showed in the
     * profile, and a busy series that goes out first comes back in at its next event.
     */
    private final LinkedHashMap<String, Entry> map = new LinkedHashMap<>(1024);
    private boolean open;

    RecentStates(DecodedStateBudget budget) {
        this.budget = budget;
    }

    /** The task starts (again): empty, and counted in the budget. */
    void open() {
        map.clear();
        if (!open) {
            budget.taskOpened();
            open = true;
        }
    }

    /** The task closes: empty, and its share goes back to the budget. */
    void close() {
        map.clear();
        if (open) {
            budget.taskClosed();
            open = false;
        }
    }

    Entry get(String series) {
        return map.get(series);
    }

    /** Adds a state, dropping the oldest added beyond this task's share (which shrinks as tasks open). */
    void put(String series, Entry entry) {
        map.put(series, entry);
        int excess = map.size() - budget.perTask();
        if (excess > 0) {
            Iterator<String> eldest = map.keySet().iterator();
            for (int i = 0; i < excess; i++) {
                eldest.next();
                eldest.remove();
            }
        }
    }

    void forget(String series) {
        map.remove(series);
    }

    int size() {
        return map.size();
    }
}
