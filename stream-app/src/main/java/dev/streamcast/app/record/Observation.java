package dev.streamcast.app.record;

/**
 * One accepted input point. {@code gap} means the record said {@code "value": null}: the series advances on its
 * own forecast. {@code value} is NaN for gaps.
 */
public record Observation(String series, long ts, double value, boolean gap) {
}
