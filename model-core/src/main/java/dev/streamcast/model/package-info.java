/**
 * model-core: small, fast recurrent networks with Keras semantics and Keras weight layout (float64).
 *
 * <p>Build a {@link dev.streamcast.model.Sequential} from {@link dev.streamcast.model.Layers}, compile it with an
 * {@link dev.streamcast.model.Optimizer} and {@link dev.streamcast.model.Loss}, fit/predict/evaluate, stream one
 * event at a time through a {@link dev.streamcast.model.StepKernel} with caller-owned state, and persist it as a
 * {@link dev.streamcast.model.ModelDocument}.
 */
package dev.streamcast.model;
