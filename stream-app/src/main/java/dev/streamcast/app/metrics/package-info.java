/** The forecaster's meters (Prometheus names {@code streamcast_*}) and JSON-friendly snapshots of them for the dashboard. */
package dev.streamcast.app.metrics;
