/**
 * Offline replay: input records through the same per-series code as the topology (parser, ordering checks,
 * {@code SeriesForecaster}, the serving model), without Kafka. The chaos verifier compares a live run's committed
 * output with this replay record by record.
 */
package dev.streamcast.app.replay;
