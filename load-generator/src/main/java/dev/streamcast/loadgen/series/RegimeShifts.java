package dev.streamcast.loadgen.series;

import java.util.Arrays;
import java.util.List;

/**
 * Event-time instants at which every synthetic series changes regime (level jump, different noise or volatility).
 * Regime 0 is before the first shift.
 */
public final class RegimeShifts {

    private final long[] at;

    public RegimeShifts(List<Long> epochMillis) {
        this.at = epochMillis.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    public static RegimeShifts none() {
        return new RegimeShifts(List.of());
    }

    /** The regime in force at {@code ts}: the number of shifts at or before it. */
    public int regimeAt(long ts) {
        if (at.length == 0 || ts < at[0]) {
            return 0;
        }
        int i = Arrays.binarySearch(at, ts);
        return i >= 0 ? upperOfEqual(i) + 1 : -i - 1;
    }

    private int upperOfEqual(int i) {
        while (i + 1 < at.length && at[i + 1] == at[i]) {
            i++;
        }
        return i;
    }

    public int count() {
        return at.length;
    }
}
