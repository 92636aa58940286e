/** A running instance: topics, Kafka Streams lifecycle, the trainer service. */
package dev.streamcast.app.runtime;
