/** Per-series forecasting arithmetic (normalisation, RNN step, horizon, conformal intervals), free of Kafka. */
package dev.streamcast.app.forecast;
