/**
 * Where observations come from: seeded synthetic shapes (seasonal sensors, GBM prices, regime shifts) and replay of
 * real CSV data. Sources know nothing about Kafka or faults; they fill a reused {@link
 * dev.streamcast.loadgen.series.Observation}.
 */
package dev.streamcast.loadgen.series;
