package dev.streamcast.loadgen.series;

import java.util.List;

/**
 * Parsed replay rows in file order. {@code values[i]} is NaN for a gap (empty value).
 *
 * @param keys      series ids, indexed by {@code series[i]}
 * @param skipped   rows dropped as unreadable (only when parsing was told to skip them)
 * @param problems  one message per skipped row (line number and reason), at most a few hundred kept
 */
public record ReplayData(List<String> keys, int[] series, long[] ts, double[] values, int skipped,
                         List<String> problems) {

    public int rows() {
        return ts.length;
    }
}
