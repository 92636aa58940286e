package dev.streamcast.app.backtest;

/**
 * Multi-step accuracy of one series on its scored part: for each step k (1..H) the MAE of the k-step forecasts
 * (made k rows before each scored point) and of the seasonal naive forecast for the same points (the value one
 * season, or as many seasons as needed, before; the last value when there is no season). MASE divides by the
 * one-step in-sample naive MAE, as for the one-step scores.
 */
public record StepScores(int period, double[] mae, double[] seasonalNaiveMae, int[] n, double scale) {

    public int steps() {
        return mae.length;
    }

    public double mase(int k) {
        return mae[k] / scale;
    }

    public double seasonalNaiveMase(int k) {
        return seasonalNaiveMae[k] / scale;
    }
}
