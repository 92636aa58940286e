/**
 * Load generator for the streamcast forecaster: {@code produce} writes synthetic or replayed observations to Kafka,
 * {@code bench} also reads the forecasts and dead letters back and reports throughput, latency and exactly-once
 * counts, optionally against an in-process baseline Kafka Streams app.
 *
 * <p>Dependency direction: {@code cli -> bench -> produce -> faults, series}; {@code baseline} depends only on Kafka.
 */
package dev.streamcast.loadgen;
