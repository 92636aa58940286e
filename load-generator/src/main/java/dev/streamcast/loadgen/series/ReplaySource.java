package dev.streamcast.loadgen.series;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Replays parsed CSV rows in event-time order (stable, so rows with equal ts keep their file order), optionally
 * several times with the timestamps shifted past the previous pass so each series keeps increasing. With a time
 * compression factor F, a row is due (ts - first ts) / F after the start: F = 3600 plays an hour of data per second.
 * A row whose ts does not increase within its series, or a gap before the series' first value, is marked not
 * acceptable: the forecaster will dead-letter it.
 */
public final class ReplaySource implements ObservationSource {

    private final ReplayData data;
    private final int[] order;
    private final long[] steps;
    private final Map<String, Integer> index = new HashMap<>();
    private final long[] lastTs;
    private final boolean[] hasValue;
    private final double timeCompression;
    private final int loops;
    private final long span;
    private final long firstTs;
    private int position;
    private int loop;

    /**
     * @param timeCompression event-time speed-up for pacing; 0 leaves pacing to the rate limiter
     * @param loops           passes over the data; 0 = endless
     */
    public ReplaySource(ReplayData data, double timeCompression, int loops) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException("the replay file has no data rows");
        }
        this.data = data;
        this.timeCompression = timeCompression;
        this.loops = loops;
        this.order = sortedByTs(data.ts());
        this.steps = typicalSteps(data);
        for (int i = 0; i < data.keys().size(); i++) {
            index.put(data.keys().get(i), i);
        }
        this.lastTs = new long[data.keys().size()];
        Arrays.fill(lastTs, Long.MIN_VALUE);
        this.hasValue = new boolean[data.keys().size()];
        this.firstTs = data.ts()[order[0]];
        this.span = data.ts()[order[order.length - 1]] - firstTs + 1;
    }

    @Override
    public int seriesCount() {
        return data.keys().size();
    }

    @Override
    public String key(int series) {
        return data.keys().get(series);
    }

    @Override
    public int indexOf(String key) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
    }

    @Override
    public long stepMillis(int series) {
        return steps[series];
    }

    @Override
    public boolean next(Observation out) {
        if (position == order.length) {
            loop++;
            if (loops > 0 && loop >= loops) {
                return false;
            }
            position = 0;
        }
        int row = order[position++];
        int s = data.series()[row];
        long ts = data.ts()[row] + loop * span;
        double v = data.values()[row];
        out.series = s;
        out.ts = ts;
        out.gap = Double.isNaN(v);
        out.value = v;
        // A gap before the series' first value has nothing to impute from: the forecaster refuses it.
        out.acceptable = ts > lastTs[s] && (!out.gap || hasValue[s]);
        if (out.acceptable) {
            lastTs[s] = ts;
            hasValue[s] |= !out.gap;
        }
        out.dueNanos = timeCompression > 0 ? (long) ((ts - firstTs) / timeCompression * 1_000_000.0) : -1;
        return true;
    }

    private static int[] sortedByTs(long[] ts) {
        Integer[] boxed = new Integer[ts.length];
        for (int i = 0; i < ts.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(ts[a], ts[b]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** The smallest positive spacing seen per series (1 s when a series has a single row). */
    private static long[] typicalSteps(ReplayData d) {
        long[] step = new long[d.keys().size()];
        long[] last = new long[d.keys().size()];
        Arrays.fill(step, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        for (int i = 0; i < d.rows(); i++) {
            int s = d.series()[i];
            if (last[s] != Long.MIN_VALUE && d.ts()[i] > last[s]) {
                step[s] = Math.min(step[s], d.ts()[i] - last[s]);
            }
            last[s] = Math.max(last[s], d.ts()[i]);
        }
        for (int s = 0; s < step.length; s++) {
            if (step[s] == Long.MAX_VALUE) {
                step[s] = 1000;
            }
        }
        return step;
    }
}
