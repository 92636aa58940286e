/** Per-series state kept in Kafka Streams stores, and its binary encoding. */
package dev.streamcast.app.state;
