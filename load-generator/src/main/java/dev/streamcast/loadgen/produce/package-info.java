/**
 * The produce loop: rate limiting, allocation-light JSON encoding, the Kafka producer and live progress.
 */
package dev.streamcast.loadgen.produce;
