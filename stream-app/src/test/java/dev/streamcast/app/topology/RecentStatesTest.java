package dev.streamcast.app.topology;

import dev.streamcast.app.state.SeriesState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecentStatesTest {

    @Test
    void openTasksShareTheBudgetAndKeepTheirLatestAdded() {
        DecodedStateBudget budget = DecodedStateBudget.of(2000);
        RecentStates a = new RecentStates(budget);
        RecentStates b = new RecentStates(budget);
        a.open();
        fill(a, 1500);
        assertEquals(1500, a.size(), "alone, a task may hold the whole budget");
        b.open();
        a.put("new", new RecentStates.Entry(new SeriesState(0, 1, 5), false, 0L));
        assertEquals(1000, a.size(), "with a second task open, half");
        assertNotNull(a.get("s1499"));
        assertNotNull(a.get("new"));
        assertNull(a.get("s500"), "the first added went first");
        assertNotNull(a.get("s501"));
        b.close();
        a.open(); // re-initialised: empty, still counted once
        assertEquals(0, a.size());
        fill(a, 2500);
        assertEquals(2000, a.size());
    }

    @Test
    void aTinyBudgetStillKeepsTheBusiestSeriesOfEachTask() {
        RecentStates a = new RecentStates(DecodedStateBudget.of(0));
        a.open();
        fill(a, 1000);
        assertEquals(DecodedStateBudget.MIN_PER_TASK, a.size());
        assertThrows(IllegalArgumentException.class, () -> DecodedStateBudget.of(-1));
    }

    @Test
    void theHeapShareBudgetScalesWithTheHeap() {
        long expected = (long) (Runtime.getRuntime().maxMemory() / 8.0 / DecodedStateBudget.BYTES_PER_STATE);
        assertEquals(Math.min(Integer.MAX_VALUE, expected), DecodedStateBudget.ofHeapShare(1.0 / 8).total());
    }

    private static void fill(RecentStates r, int n) {
        for (int i = 0; i < n; i++) {
            r.put("s" + i, new RecentStates.Entry(new SeriesState(0, 1, 5), false, 0L));
        }
    }
}
