/**
 * End-to-end bench: produces in-process, reads {@code forecasts} (read_committed) and {@code observations-dlq},
 * matches forecasts to sent events by (series, ts) and reports latency, throughput and exactly-once counts.
 */
package dev.streamcast.loadgen.bench;
