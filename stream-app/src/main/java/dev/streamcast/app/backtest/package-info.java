/** The backtest: CSV replay through the production topology without a broker, scoring and the HTML report. */
package dev.streamcast.app.backtest;
