/** The serving model (naive or RNN), model documents, and the registry that hot-swaps versions. */
package dev.streamcast.app.model;
