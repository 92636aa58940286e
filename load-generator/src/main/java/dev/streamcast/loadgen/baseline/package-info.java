/**
 * A minimal stateful Kafka Streams app (parse, per-key RocksDB get/put, one JSON record out per input, dead letters
 * for invalid input) that the bench can run in-process, giving a reference figure for the forecaster on the same
 * broker.
 */
package dev.streamcast.loadgen.baseline;
