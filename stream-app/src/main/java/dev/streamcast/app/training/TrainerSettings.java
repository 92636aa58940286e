package dev.streamcast.app.training;

import java.util.Locale;

/**
 * How candidates are trained and when.
 *
 * @param cell            simple_rnn, gru or lstm
 * @param units           hidden units
 * @param epochs          at most this many epochs (early stopping on a validation split may end sooner)
 * @param batchSize       mini-batch size
 * @param learningRate    Adam learning rate
 * @param holdoutFraction the most recent share of samples kept out of training, used by the gate
 * @param seed            base seed; a version's seed is derived from it so runs are reproducible
 * @param minSamples      first training waits for this many samples
 * @param everySamples    later trainings wait for this many new samples
 * @param reservoir       the trainer keeps at most this many recent samples
 * @param minIntervalMs   wall-clock pause between two trainings in a running app (not used by backtest)
 */
public record TrainerSettings(String cell, int units, int epochs, int batchSize, double learningRate,
                              double holdoutFraction, long seed, int minSamples, int everySamples, int reservoir,
                              long minIntervalMs) {

    public TrainerSettings {
        cell = cell.toLowerCase(Locale.ROOT);
        if (!cell.equals("simple_rnn") && !cell.equals("gru") && !cell.equals("lstm")) {
            throw new IllegalArgumentException("model.cell must be simple_rnn, gru or lstm, got " + cell);
        }
        if (units < 1 || units > 1024) {
            throw new IllegalArgumentException("model.units must be 1..1024, got " + units);
        }
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException(
                    "retrain.epochs, retrain.batch.size and retrain.learning.rate must be positive");
        }
        if (!(holdoutFraction > 0 && holdoutFraction < 0.9)) {
            throw new IllegalArgumentException("retrain.holdout.fraction must be in (0, 0.9), got " + holdoutFraction);
        }
        if (minSamples < 20 || everySamples < 1 || reservoir < minSamples) {
            throw new IllegalArgumentException("need retrain.min.samples >= 20, retrain.every.samples >= 1 and "
                    + "retrain.reservoir >= retrain.min.samples");
        }
    }

    public static TrainerSettings defaults() {
        return new TrainerSettings("simple_rnn", 16, 20, 32, 0.003, 0.2, 42L, 1000, 4000, 20_000, 30_000L);
    }
}
