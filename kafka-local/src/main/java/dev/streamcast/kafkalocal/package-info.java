/** A real single-node Kafka broker from Maven Central jars, for the local script and integration tests. */
package dev.streamcast.kafkalocal;
