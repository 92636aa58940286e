package dev.streamcast.app.metrics;

import java.util.Map;

/**
 * A copy of this instance's forecasting meters at {@code atMillis}; counts are totals since start (rates are left
 * to the reader, who takes two snapshots). Latencies in milliseconds; errors in units of each series' scale.
 */
public record MetricsSnapshot(long atMillis, long startedMillis, double accepted, double forecasts, double imputed,
                              double filled, double internalErrors, Map<String, Double> deadLetters, double stepP50Ms,
                              double stepP99Ms, double errorMean, double errorP50, double errorP90, int modelVersion,
                              double trainingRuns, double candidatesPublished, double candidatesRejected) {
}
