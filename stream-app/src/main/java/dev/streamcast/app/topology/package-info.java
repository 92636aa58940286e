/** The Kafka Streams topology: validation and dead letters, per-key state, forecasts, the global model store. */
package dev.streamcast.app.topology;
