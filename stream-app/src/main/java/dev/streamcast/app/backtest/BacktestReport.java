package dev.streamcast.app.backtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a replay into scores: per series by the contract's protocol, then overall. */
public final class BacktestReport {

    /** Scores plus the points behind them, for the HTML report. */
    public record Scored(List<SeriesScore> series, SeriesScore overall, Map<String, List<Scoring.Point>> points,
                         Map<String, Integer> firstScored) {
    }

    private BacktestReport() {
    }

    public static Scored score(BacktestRunner.Result result, double testFraction) {
        List<SeriesScore> scores = new ArrayList<>();
        Map<String, List<Scoring.Point>> allPoints = new java.util.LinkedHashMap<>();
        Map<String, Integer> starts = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<CsvRow>> e : result.rows().entrySet()) {
            List<CsvRow> rows = e.getValue();
            List<JsonNode> forecasts = result.forecasts().get(e.getKey());
            int n = rows.size();
            int first = Scoring.firstScored(n, testFraction);
            double[] values = rows.stream().mapToDouble(CsvRow::value).toArray();
            List<Scoring.Point> points = new ArrayList<>();
            JsonNode latest = null;
            for (int i = 0; i < n; i++) {
                if (i >= first && i > 0 && !rows.get(i).gap() && latest != null) {
                    JsonNode h = latest.get("horizon").get(0);
                    points.add(new Scoring.Point(values[i], h.get("mean").asDouble(), h.get("lower").asDouble(),
                            h.get("upper").asDouble()));
                }
                if (forecasts.get(i) != null) {
                    latest = forecasts.get(i);
                }
            }
            starts.put(e.getKey(), first);
            allPoints.put(e.getKey(), points);
            if (!points.isEmpty()) {
                scores.add(Scoring.score(e.getKey(), points, Scoring.naiveScale(values, first)));
            }
        }
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no series has a point to score; is the file too short?");
        }
        return new Scored(scores, Scoring.overall(scores), allPoints, starts);
    }
}
