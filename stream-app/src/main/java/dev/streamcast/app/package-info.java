/** The forecaster application: command line entry point. */
package dev.streamcast.app;
