package dev.streamcast.app.metrics;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last few serving-model versions this instance adopted and when: the dashboard's "model versions over time".
 * Written by the global thread on a swap (rare), read by HTTP threads; a lock is cheap at that rate.
 */
public final class ModelTimeline {

    /** Version {@code version} started serving here at {@code sinceMillis} (wall clock). */
    public record Entry(int version, long sinceMillis) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    ModelTimeline(int capacity) {
        this.capacity = capacity;
    }

    synchronized void adopted(int version, long nowMillis) {
        if (!entries.isEmpty() && entries.peekLast().version() == version) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(version, nowMillis));
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
