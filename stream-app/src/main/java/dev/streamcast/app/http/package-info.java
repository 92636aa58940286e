/**
 * HTTP of one forecaster instance: health and readiness, Prometheus metrics and JSON stats, interactive series
 * queries routed to the key's owner, the serving model's document, and the self-contained dashboard.
 * {@link dev.streamcast.app.http.HttpApi} is the only public type; the rest are one-job helpers.
 */
package dev.streamcast.app.http;
