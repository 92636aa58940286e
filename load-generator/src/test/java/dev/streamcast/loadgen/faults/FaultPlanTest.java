package dev.streamcast.loadgen.faults;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultPlanTest {

    @Test
    void drawsEachKindAtItsFractionWithinTolerance() {
        Map<FaultKind, Double> f = new EnumMap<>(FaultKind.class);
        f.put(FaultKind.GAP, 0.05);
        f.put(FaultKind.LATE, 0.02);
        f.put(FaultKind.MALFORMED, 0.01);
        f.put(FaultKind.BAD_KEY, 0.001);
        FaultPlan plan = new FaultPlan(f, 42);
        int n = 400_000;
        int[] counts = new int[FaultKind.values().length];
        for (int i = 0; i < n; i++) {
            counts[plan.draw().ordinal()]++;
        }
        for (Map.Entry<FaultKind, Double> e : f.entrySet()) {
            double expected = e.getValue() * n;
            double sd = Math.sqrt(n * e.getValue() * (1 - e.getValue()));
            assertEquals(expected, counts[e.getKey().ordinal()], 5 * sd, e.getKey().toString());
        }
        assertEquals(0, counts[FaultKind.DUPLICATE.ordinal()]);
        assertEquals(n * (1 - 0.081), counts[FaultKind.NONE.ordinal()], 5 * Math.sqrt(n * 0.081));
    }

    @Test
    void theSameSeedDrawsTheSameSequence() {
        Map<FaultKind, Double> f = Map.of(FaultKind.GAP, 0.3, FaultKind.DUPLICATE, 0.3);
        FaultPlan a = new FaultPlan(f, 1);
        FaultPlan b = new FaultPlan(f, 1);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(a.draw(), b.draw());
        }
    }

    @Test
    void rejectsFractionsOutsideZeroToOneOrAddingUpPastOne() {
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan(Map.of(FaultKind.GAP, -0.1), 1));
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan(Map.of(FaultKind.GAP, 1.5), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new FaultPlan(Map.of(FaultKind.GAP, 0.6, FaultKind.LATE, 0.6), 1));
        assertTrue(FaultPlan.none().isEmpty());
        assertEquals(FaultKind.NONE, FaultPlan.none().draw());
    }

    @Test
    void onlyNoneAndGapAreAccepted() {
        for (FaultKind k : FaultKind.values()) {
            assertEquals(k == FaultKind.NONE || k == FaultKind.GAP, k.accepted(), k.toString());
            assertEquals(k.accepted(), k.reason() == null);
        }
        assertEquals("non-finite", FaultKind.NON_FINITE.label());
        assertEquals("out_of_order", FaultKind.LATE.reason());
        assertTrue(FaultKind.GAP.needsEarlierValue() && FaultKind.LATE.needsEarlierValue());
        assertTrue(!FaultKind.MALFORMED.needsEarlierValue());
    }
}
