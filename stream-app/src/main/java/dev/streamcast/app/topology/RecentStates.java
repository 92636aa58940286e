package dev.streamcast.app.topology;

import dev.streamcast.app.state.SeriesState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used series states of one task, kept decoded, so an event of a busy series does not decode its
 * state from the store's bytes again (a twelfth of the stream thread's time). The store stays the truth: every
 * update is still written to it, and the processor drops an entry whenever an update fails part-way, and drops them
 * all when the task is (re)initialised or closed, so a revived task never sees state from an aborted transaction.
 */
final class RecentStates {

    private final Map<String, SeriesState> map;

    RecentStates(int capacity) {
        this.map = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SeriesState> eldest) {
                return size() > capacity;
            }
        };
    }

    SeriesState get(String series) {
        return map.get(series);
    }

    void put(String series, SeriesState state) {
        map.put(series, state);
    }

    void forget(String series) {
        map.remove(series);
    }

    void clear() {
        map.clear();
    }
}
