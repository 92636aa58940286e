package dev.streamcast.app.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcast.app.forecast.ForecastSettings;
import dev.streamcast.app.forecast.Smoothing;
import dev.streamcast.app.forecast.Spacing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a replay into scores: per series by the contract's protocol, then overall. */
public final class BacktestReport {

    /**
     * Scores plus the points behind them, for the HTML report; {@code versions}: per series, how many scored
     * forecasts each model version made (0 = the smoothing forecast alone).
     */
    public record Scored(List<SeriesScore> series, SeriesScore overall, Map<String, List<Scoring.Point>> points,
                         Map<String, Integer> firstScored, Map<String, StepScores> steps,
                         Map<String, Scoring.NaiveInterval> naiveInterval,
                         Map<String, Map<Integer, Integer>> versions) {
    }

    private BacktestReport() {
    }

    public static Scored score(BacktestRunner.Result result, double testFraction) {
        return score(result, testFraction, ForecastSettings.defaults());
    }

    /**
     * Scores with the settings the replay ran under: each series' configured season
     * ({@link ForecastSettings#periodFor}) for the seasonal naive benchmark, and the interval level and
     * {@code forecast.error.window} for the naive method's empirical interval.
     */
    public static Scored score(BacktestRunner.Result result, double testFraction, ForecastSettings settings) {
        Map<String, StepScores> steps = new java.util.LinkedHashMap<>();
        Map<String, Scoring.NaiveInterval> naiveIntervals = new java.util.LinkedHashMap<>();
        List<SeriesScore> scores = new ArrayList<>();
        Map<String, List<Scoring.Point>> allPoints = new java.util.LinkedHashMap<>();
        Map<String, Integer> starts = new java.util.LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> versions = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<CsvRow>> e : result.rows().entrySet()) {
            List<CsvRow> rows = e.getValue();
            List<JsonNode> forecasts = result.forecasts().get(e.getKey());
            int n = rows.size();
            int first = Scoring.firstScored(n, testFraction);
            double[] values = rows.stream().mapToDouble(CsvRow::value).toArray();
            List<Scoring.Point> points = new ArrayList<>();
            Map<Integer, Integer> used = new java.util.TreeMap<>();
            JsonNode latest = null;
            for (int i = 0; i < n; i++) {
                if (i >= first && i > 0 && !rows.get(i).gap() && latest != null) {
                    JsonNode h = latest.get("horizon").get(0);
                    points.add(new Scoring.Point(values[i], h.get("mean").asDouble(), h.get("lower").asDouble(),
                            h.get("upper").asDouble()));
                    used.merge(latest.path("model_version").asInt(), 1, Integer::sum);
                }
                if (forecasts.get(i) != null) {
                    latest = forecasts.get(i);
                }
            }
            starts.put(e.getKey(), first);
            // The season the forecaster found for the series: from its first gap, cleaned of jitter, as it does.
            long spacing = n > 1 ? Spacing.clean(rows.get(1).ts() - rows.get(0).ts()) : 0;
            steps.put(e.getKey(), Scoring.steps(values, forecasts, first, Smoothing.period(spacing,
                    settings.periodFor(e.getKey()))));
            naiveIntervals.put(e.getKey(), Scoring.naiveInterval(values, first, settings.level(),
                    settings.errorWindow()));
            allPoints.put(e.getKey(), points);
            versions.put(e.getKey(), used);
            if (!points.isEmpty()) {
                scores.add(Scoring.score(e.getKey(), points, Scoring.naiveScale(values, first)));
            }
        }
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no series has a point to score; is the file too short?");
        }
        return new Scored(scores, Scoring.overall(scores), allPoints, starts, steps, naiveIntervals, versions);
    }
}
