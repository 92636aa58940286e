package dev.streamcast.loadgen.series;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticSourceTest {

    private static final long START = 1_704_067_200_000L; // 2024-01-01T00:00:00Z

    static SyntheticSource source(int keys, long seed, RegimeShifts shifts) {
        return new SyntheticSource(new SyntheticSource.Settings(keys, 0.3, seed, START, 60_000, 1_000, 0.01, 0.5,
                shifts));
    }

    static double[] values(SyntheticSource s, int n) {
        double[] v = new double[n];
        Observation o = new Observation();
        for (int i = 0; i < n; i++) {
            s.next(o);
            v[i] = o.value;
        }
        return v;
    }

    @Test
    void sameSeedGivesTheSameStreamAndAnotherSeedAnother() {
        double[] a = values(source(100, 7, RegimeShifts.none()), 5000);
        double[] b = values(source(100, 7, RegimeShifts.none()), 5000);
        double[] c = values(source(100, 8, RegimeShifts.none()), 5000);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void seriesAreVisitedRoundRobinAndTimestampsStepStrictlyUp() {
        SyntheticSource s = source(10, 1, RegimeShifts.none());
        Observation o = new Observation();
        Map<Integer, Long> last = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            s.next(o);
            assertEquals(i % 10, o.series);
            Long prev = last.put(o.series, o.ts);
            if (prev != null) {
                assertEquals(s.stepMillis(o.series), o.ts - prev);
            } else {
                assertEquals(START, o.ts);
            }
            assertTrue(Double.isFinite(o.value));
            assertTrue(o.acceptable);
        }
    }

    @Test
    void keysRoundTripAndNameTheirKind() {
        SyntheticSource s = source(1000, 3, RegimeShifts.none());
        int prices = 0;
        for (int i = 0; i < 1000; i++) {
            String key = s.key(i);
            assertEquals(i, s.indexOf(key));
            assertTrue(key.startsWith(s.kind(i).prefix()));
            prices += s.kind(i) == SeriesKind.PRICE ? 1 : 0;
        }
        assertTrue(prices > 240 && prices < 360, "about 30% prices, got " + prices);
        assertEquals(-1, s.indexOf("sensor-9999999"));
        assertEquals(-1, s.indexOf("nonsense"));
        assertEquals(-1, s.indexOf(s.key(5).replace("sensor-", "price-").replace("price-price", "x")));
    }

    @Test
    void pricesStayPositive() {
        SyntheticSource s = source(20, 5, RegimeShifts.none());
        Observation o = new Observation();
        for (int i = 0; i < 200_000; i++) {
            s.next(o);
            if (s.kind(o.series) == SeriesKind.PRICE) {
                assertTrue(o.value > 0, "price " + o.value);
            }
        }
    }

    @Test
    void sensorsShowADailyCycle() {
        // One sensor, 28 days of 1-minute readings: the hour-of-day means must swing more than the noise could.
        SyntheticSource s = new SyntheticSource(new SyntheticSource.Settings(1, 0.0, 11, START, 60_000, 1_000, 0,
                0, RegimeShifts.none()));
        Observation o = new Observation();
        double[] sum = new double[24];
        int[] n = new int[24];
        for (int i = 0; i < 28 * 24 * 60; i++) {
            s.next(o);
            int hour = (int) ((o.ts / 3_600_000L) % 24);
            sum[hour] += o.value;
            n[hour]++;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int h = 0; h < 24; h++) {
            min = Math.min(min, sum[h] / n[h]);
            max = Math.max(max, sum[h] / n[h]);
        }
        double level = SplitMix.between(11, 0, 1, 5, 100);
        assertTrue(max - min > 0.05 * level, "daily swing " + (max - min) + " for level " + level);
    }

    @Test
    void aRegimeShiftChangesValuesOnlyAfterIt() {
        long shiftAt = START + 100 * 60_000L;
        double[] plain = values(source(1, 9, RegimeShifts.none()), 200);
        double[] shifted = values(source(1, 9, new RegimeShifts(List.of(shiftAt))), 200);
        for (int i = 0; i < 100; i++) {
            assertEquals(plain[i], shifted[i], "before the shift, reading " + i);
        }
        int differ = 0;
        for (int i = 100; i < 200; i++) {
            differ += plain[i] != shifted[i] ? 1 : 0;
        }
        assertEquals(100, differ);
    }

    @Test
    void regimeIndexCountsShiftsAtOrBefore() {
        RegimeShifts r = new RegimeShifts(List.of(100L, 200L, 200L));
        assertEquals(0, r.regimeAt(99));
        assertEquals(1, r.regimeAt(100));
        assertEquals(1, r.regimeAt(199));
        assertEquals(3, r.regimeAt(200));
        assertEquals(3, r.regimeAt(10_000));
    }
}
