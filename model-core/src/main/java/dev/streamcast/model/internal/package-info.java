/**
 * Internals of model-core (not API): cells with forward/BPTT, Dense, losses, optimizer updates, initialisers,
 * vectorisable kernels and fast activations. Flat row-major double[] arrays in Keras layout; hot loops run on row
 * arrays that start at index 0 because that is what JDK 17's auto-vectoriser can prove aligned.
 */
package dev.streamcast.model.internal;
