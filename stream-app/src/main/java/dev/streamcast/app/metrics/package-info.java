/** Prometheus metrics of the forecaster. */
package dev.streamcast.app.metrics;
