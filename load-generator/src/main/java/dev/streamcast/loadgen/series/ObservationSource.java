package dev.streamcast.loadgen.series;

/**
 * A stream of observations over a fixed set of series.
 *
 * <p>Call order: {@link #next(Observation)} until it returns false; {@link #key(int)} and {@link #indexOf(String)}
 * may be called at any time and from any thread (they depend only on construction arguments).
 */
public interface ObservationSource {

    /** Number of series; series indexes are {@code 0 .. seriesCount()-1}. */
    int seriesCount();

    /** The series id (the record key) of a series. */
    String key(int series);

    /** The index of a series id, or -1 when this source has no such series. */
    int indexOf(String key);

    /** The nominal spacing of the series' readings, used to place late records plausibly. */
    long stepMillis(int series);

    /** Fills {@code out} with the next observation; false when the source is exhausted. */
    boolean next(Observation out);
}
