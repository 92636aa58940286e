package dev.streamcast.app.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores one series by the contract's protocol: the last {@code fraction} of its n rows are scored (the first scored
 * index is floor((1-F)·n)); each point against the one-step forecast made at the row before it; MASE scaled by the
 * in-sample one-step naive MAE of the unscored part. Gaps are never scored.
 */
public final class Scoring {

    private Scoring() {
    }

    /** A scored point: the actual, the one-step mean and interval that were forecast for it. */
    public record Point(double actual, double mean, double lower, double upper) {
    }

    public static int firstScored(int n, double fraction) {
        return (int) Math.floor((1 - fraction) * n);
    }

    public static double naiveScale(double[] values, int firstScored) {
        double sum = 0;
        int count = 0;
        for (int i = 1; i < firstScored; i++) {
            if (!Double.isNaN(values[i]) && !Double.isNaN(values[i - 1])) {
                sum += Math.abs(values[i] - values[i - 1]);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    public static SeriesScore score(String series, List<Point> points, double naiveScale) {
        int n = points.size();
        double abs = 0;
        double sq = 0;
        double smape = 0;
        int inside = 0;
        for (Point p : points) {
            double e = p.actual() - p.mean();
            abs += Math.abs(e);
            sq += e * e;
            double denom = Math.abs(p.actual()) + Math.abs(p.mean());
            smape += denom == 0 ? 0 : 200 * Math.abs(e) / denom;
            if (p.actual() >= p.lower() && p.actual() <= p.upper()) {
                inside++;
            }
        }
        double mae = abs / n;
        return new SeriesScore(series, n, mae, Math.sqrt(sq / n), smape / n,
                naiveScale > 0 ? mae / naiveScale : Double.NaN, (double) inside / n);
    }

    /** Pooled over all points of all series; MASE is the mean of the series' MASE values. */
    public static SeriesScore overall(List<SeriesScore> perSeries) {
        int n = 0;
        double abs = 0;
        double sq = 0;
        double smape = 0;
        double covered = 0;
        List<Double> mases = new ArrayList<>();
        for (SeriesScore s : perSeries) {
            n += s.n();
            abs += s.mae() * s.n();
            sq += s.rmse() * s.rmse() * s.n();
            smape += s.smape() * s.n();
            covered += s.coverage() * s.n();
            if (Double.isFinite(s.mase())) {
                mases.add(s.mase());
            }
        }
        double mase = mases.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new SeriesScore("*", n, abs / n, Math.sqrt(sq / n), smape / n, mase, covered / n);
    }
}
