package dev.streamcast.app.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcast.app.backtest.BacktestRunner;
import dev.streamcast.app.backtest.CsvRow;
import dev.streamcast.app.config.AppConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Series whose dynamics flip half-way: the model trained on the first regime is wrong after the change, and the
 * next retrain (event-time schedule, through the production topology) brings the one-step error back down.
 */
class RegimeChangeRetrainTest {

    private static final int SERIES = 30;
    private static final int STEPS = 700;
    private static final int CHANGE = 350;

    @Test
    void errorDropsAfterTheRetrainThatFollowsARegimeChange() {
        List<CsvRow> rows = new ArrayList<>();
        Random r = new Random(3);
        for (int s = 0; s < SERIES; s++) {
            double y = 100 + s;
            double d = 0;
            for (int t = 0; t < STEPS; t++) {
                double phi = t < CHANGE ? 0.9 : -0.8;
                d = phi * d + r.nextGaussian();
                y += d;
                rows.add(new CsvRow("s" + s, t * 60_000L, y, t));
            }
        }
        AppConfig cfg = AppConfig.load(null, Map.of(), Map.of(
                "forecast.window", "12", "retrain.sample.every", "1", "retrain.min.samples", "1500",
                "retrain.every.samples", "3000", "retrain.reservoir", "3000", "retrain.epochs", "10",
                "model.units", "8", "retrain.learning.rate", "0.01"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BacktestRunner.Result result = new BacktestRunner(cfg, new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run(rows);

        int retrainStep = -1;
        Pattern published = Pattern.compile("after (\\d+) rows: published");
        for (String line : result.trainingLog()) {
            Matcher m = published.matcher(line);
            if (m.find() && Integer.parseInt(m.group(1)) / SERIES > CHANGE + 20) {
                retrainStep = Integer.parseInt(m.group(1)) / SERIES;
                break;
            }
        }
        assertTrue(retrainStep > 0 && retrainStep < STEPS - 60, "a model was published after the change: "
                + result.trainingLog());
        double before = meanError(result, CHANGE + 10, retrainStep);
        double after = meanError(result, retrainStep + 10, STEPS);
        assertTrue(after < 0.9 * before, "one-step MAE after the retrain " + after + " vs before it " + before
                + "; training log " + result.trainingLog());
    }

    private static double meanError(BacktestRunner.Result result, int from, int to) {
        double sum = 0;
        int n = 0;
        for (Map.Entry<String, List<CsvRow>> e : result.rows().entrySet()) {
            List<JsonNode> f = result.forecasts().get(e.getKey());
            for (int t = Math.max(from, 1); t < to; t++) {
                double mean = f.get(t - 1).get("horizon").get(0).get("mean").asDouble();
                sum += Math.abs(e.getValue().get(t).value() - mean);
                n++;
            }
        }
        return sum / n;
    }
}
