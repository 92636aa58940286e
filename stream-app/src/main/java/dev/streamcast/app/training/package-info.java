/** Retraining: training samples, the trainer that fits and gates candidates, and its service in a running app. */
package dev.streamcast.app.training;
