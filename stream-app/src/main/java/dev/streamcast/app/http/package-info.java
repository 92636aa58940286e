/** HTTP: health, Prometheus metrics, interactive series queries routed to the owner, model document, dashboard. */
package dev.streamcast.app.http;
