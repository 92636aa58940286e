package dev.streamcast.app.backtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * k-step scores: the forecast for row i made at row i-k (its horizon entry k) against the seasonal naive forecast
     * for row i from rows up to i-k, over the scored rows where both exist.
     */
    public static StepScores steps(double[] values, List<JsonNode> forecasts, int first, int period) {
        int h = 0;
        for (JsonNode f : forecasts) {
            if (f != null) {
                h = f.get("horizon").size();
                break;
            }
        }
        int m = Math.max(period, 1);
        double[] mae = new double[h];
        double[] snaive = new double[h];
        int[] n = new int[h];
        for (int k = 1; k <= h; k++) {
            int back = m * ((k + m - 1) / m);
            for (int i = Math.max(first, k); i < values.length; i++) {
                JsonNode f = forecasts.get(i - k);
                if (Double.isNaN(values[i]) || f == null || i - back < 0 || Double.isNaN(values[i - back])) {
                    continue;
                }
                mae[k - 1] += Math.abs(values[i] - f.get("horizon").get(k - 1).get("mean").asDouble());
                snaive[k - 1] += Math.abs(values[i] - values[i - back]);
                n[k - 1]++;
            }
            mae[k - 1] /= Math.max(n[k - 1], 1);
            snaive[k - 1] /= Math.max(n[k - 1], 1);
        }
        return new StepScores(period, mae, snaive, n, naiveScale(values, first));
    }

    /** The naive method's empirical interval over the scored points: its mean half-width and its coverage. */
    public record NaiveInterval(double halfWidth, double coverage) {
    }

    /**
     * The naive method's empirical interval, the yardstick for the forecaster's: at point i, the last value plus or
     * minus the level quantile of the last {@code window} absolute one-step changes before i (the naive forecast's own
     * recent errors). Its mean half-width over the scored points, and the share of them it covers.
     */
    public static NaiveInterval naiveInterval(double[] values, int first, double level, int window) {
        double[] d = new double[window];
        double sum = 0;
        int scored = 0;
        int covered = 0;
        for (int i = Math.max(first, 2); i < values.length; i++) {
            int c = 0;
            for (int j = Math.max(1, i - window); j < i; j++) {
                if (!Double.isNaN(values[j]) && !Double.isNaN(values[j - 1])) {
                    d[c++] = Math.abs(values[j] - values[j - 1]);
                }
            }
            if (c == 0 || Double.isNaN(values[i])) {
                continue;
            }
            Arrays.sort(d, 0, c);
            double half = d[Math.min(c - 1, Math.max(0, (int) Math.ceil((c + 1) * level) - 1))];
            sum += half;
            scored++;
            if (!Double.isNaN(values[i - 1]) && Math.abs(values[i] - values[i - 1]) <= half) {
                covered++;
            }
        }
        return scored == 0 ? new NaiveInterval(Double.NaN, Double.NaN)
                : new NaiveInterval(sum / scored, (double) covered / scored);
    }

    /** Mean half-width of the scored intervals. */
    public static double meanHalfWidth(List<Point> points) {
        double sum = 0;
        for (Point p : points) {
            sum += (p.upper() - p.lower()) / 2;
        }
        return sum / points.size();
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
