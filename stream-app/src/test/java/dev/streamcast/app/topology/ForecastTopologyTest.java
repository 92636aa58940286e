package dev.streamcast.app.topology;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamcast.app.forecast.ForecastSettings;
import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.model.Layers;
import dev.streamcast.model.ModelDocument;
import dev.streamcast.model.Sequential;
import dev.streamcast.model.StepKernel;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastTopologyTest {

    private static final int WINDOW = 3;
    private static final int HORIZON = 3;

    @TempDir
    Path stateDir;
    private TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness(TopologySettings.defaults().withForecast(
                new ForecastSettings(HORIZON, 0.9, WINDOW, 20, 2)), stateDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    static ModelDocument document(int version, int parent, long seed) {
        Sequential net = Sequential.builder(1).add(Layers.gru(4)).add(Layers.dense(1)).seed(seed).build();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(ModelDocuments.NAME, "forecaster");
        meta.put(ModelDocuments.VERSION, version);
        meta.put(ModelDocuments.PARENT, parent);
        meta.put(ModelDocuments.WINDOW, WINDOW);
        meta.put(ModelDocuments.NORMALISATION, Map.of("method", "es-bank-error-v8"));
        meta.put(ModelDocuments.CORRECTION, Map.of("gain", 0.5));
        return ModelDocument.of(net, meta);
    }

    @Test
    void beforeAnyModelTheForecastIsTheSmoothingForecast() {
        h.point("s", 0, 10.0);
        JsonNode f0 = h.nextForecast();
        assertFalse(f0.get("warm").asBoolean());
        assertEquals(0, f0.get("model_version").asInt());
        h.point("s", 60_000, 12.0);
        JsonNode f1 = h.nextForecast();
        assertTrue(f1.get("warm").asBoolean(), "the naive model needs one difference");
        assertEquals(HORIZON, f1.get("horizon").size());
        // A positive series is smoothed in logs. All candidates erred by log(12/10) once, so nothing tells them
        // apart: the naive one (alpha 1, no trend) forecasts alone, the last value.
        double smooth = Math.exp(Math.log(10) + (Math.log(12.0) - Math.log(10.0)));
        for (JsonNode step : f1.get("horizon")) {
            assertEquals(smooth, step.get("mean").asDouble(), 5e-8 * smooth, "horizon numbers carry 8 digits");
            assertTrue(step.get("lower").asDouble() < smooth && step.get("upper").asDouble() > smooth);
        }
        assertEquals(120_000, f1.get("horizon").get(0).get("ts").asLong(), "steps follow the series' spacing");
        assertEquals(180_000, f1.get("horizon").get(1).get("ts").asLong());
    }

    @Test
    void gapsAdvanceOnTheSeriesOwnForecast() {
        h.point("s", 0, 1.0);
        h.point("s", 1, 2.0);
        JsonNode before = h.nextForecast();
        before = h.nextForecast();
        h.point("s", 2, null);
        JsonNode gap = h.nextForecast();
        assertTrue(gap.get("imputed").asBoolean());
        // The imputed value is the full-precision forecast; the horizon carries it to 8 significant digits.
        double mean = before.get("horizon").get(0).get("mean").asDouble();
        assertEquals(mean, gap.get("value").asDouble(), 5e-8 * Math.abs(mean));
    }

    /**
     * An hourly series (a day-long season) that skips two readings without a word: they are filled on its own
     * forecast (counted in the metrics, no forecast emitted for them), and its horizon keeps the hourly spacing
     * although the readings come with jitter.
     */
    @Test
    void skippedReadingsOfASeasonalSeriesAreFilled() {
        long hour = 3_600_000L;
        h.point("s", 0, 10.0);
        h.point("s", hour + 20_000, 11.0);
        h.point("s", 2 * hour - 15_000, 12.0);
        h.point("s", 5 * hour + 9_000, 13.0);
        JsonNode last = null;
        for (int i = 0; i < 4; i++) {
            last = h.nextForecast();
        }
        assertFalse(last.get("imputed").asBoolean());
        assertEquals(5 * hour + 9_000 + hour, last.get("horizon").get(0).get("ts").asLong(), "the hourly spacing");
        assertEquals(5 * hour + 9_000 + 2 * hour, last.get("horizon").get(1).get("ts").asLong());
        String metrics = h.metrics.scrape();
        assertTrue(metrics.contains("streamcast_points_filled_total 2.0"), metrics);
        assertTrue(metrics.contains("streamcast_forecasts_total 4.0"), metrics);
    }

    /**
     * The topology's forecasts are the smoothing bank plus half (the document's gain) of model-core's step and
     * rollout on the normalised smoothing errors, to the 8 significant digits the JSON carries. Re-computed here
     * from the method's description: at this spacing (no season) the 12 candidates without a season (alpha 0.1, 0.3,
     * 0.6, 1; no trend, beta 0.1 alpha with phi 1 (linear), beta 0.4 alpha with phi 0.9; the seasonal, double-seasonal and
     * airline ones exist only with a season) on log(value) of this positive series, ranked by an exponentially
     * weighted mean absolute error, the best four weighed by Schwarz (BIC) weights (the naive one alone until two
     * errors are known); plus an AR(3) of their
     * forecast's log errors, fitted by recursive least squares (forgetting 1 - 1/500, a diagonal prior of
     * 3 / (0.01 * the first lags' sum of squares)), its predictions bounded by the largest of the last three errors,
     * added once it has seen more than six errors and while its recent error is below the bank's.
     */
    @Test
    void forecastsEqualSmoothingPlusModelCoreStepsBitForBit() {
        ModelDocument doc = document(1, 0, 11);
        h.models.pipeInput("forecaster", doc.toJson());
        assertEquals(1, h.registry.current().version());

        // A wave: its smoothing errors are autocorrelated, so the error autoregression takes part.
        double[] values = new double[2 * MEMORY];
        for (int i = 0; i < values.length; i++) {
            values[i] = 6 + 2 * Math.sin(0.7 * i) + 0.05 * i;
        }
        double[] alphas = new double[12];
        double[] betas = new double[12];
        double[] phis = new double[12];
        double[][] trends = {{0, 0}, {0.1, 1.0}, {0.4, 0.9}};
        for (int c = 0; c < 12; c++) {
            alphas[c] = new double[] {0.1, 0.3, 0.6, 1.0}[c % 4];
            betas[c] = alphas[c] * trends[(c / 4) % 3][0];
            phis[c] = trends[(c / 4) % 3][1];
        }
        double[] level = new double[12];
        double[] trend = new double[12];
        double[] rank = new double[12];
        java.util.Arrays.fill(level, Math.log(values[0]));
        StepKernel kernel = doc.toModel().stepKernel();
        double[] hidden = new double[kernel.stateSize()];
        double ewms = 0;
        int errors = 0;
        Ar ar = new Ar();
        boolean arUsed = false;
        for (int i = 0; i < values.length; i++) {
            h.point("s", 1000L * i, values[i]);
            JsonNode f = h.nextForecast();
            assertEquals(1, f.get("model_version").asInt());
            if (i == 0) {
                continue;
            }
            Integer[] order = errors < 2 ? NAIVE_ALONE : best(rank);
            double[] w = errors < 2 ? ALL_ON_FIRST : schwarz(rank, order, Math.min(errors, MEMORY));
            double bank = 0;
            for (int j = 0; j < TOP; j++) {
                bank += w[j] * (level[order[j]] + phis[order[j]] * trend[order[j]]);
            }
            double smooth = Math.exp(bank + ar.ahead(1)[0]);
            double e = values[i] - smooth;
            double prior = errors > 0 ? Math.sqrt(ewms) : Math.abs(e);
            double x = Math.max(-8, Math.min(8, e / Math.max(prior, Double.MIN_NORMAL)));
            double weight = Math.max(1.0 / (errors + 1), 1.0 / MEMORY);
            for (int c = 0; c < 12; c++) {
                double ec = Math.log(values[i]) - (level[c] + phis[c] * trend[c]);
                level[c] += phis[c] * trend[c] + alphas[c] * ec;
                trend[c] = phis[c] * trend[c] + betas[c] * ec;
                rank[c] += weight * (Math.abs(ec) - rank[c]);
            }
            ar.learn(Math.log(values[i]) - bank, weight);
            ewms += Math.max(1.0 / (errors + 1), 0.01) * (e * e - ewms);
            errors++;
            double[] out = new double[1];
            kernel.step(hidden, new double[] {x}, out);
            double[] more = new double[HORIZON - 1];
            kernel.rollout(hidden, out, HORIZON - 1, more);
            double scale = Math.sqrt(ewms);
            order = errors < 2 ? NAIVE_ALONE : best(rank);
            w = errors < 2 ? ALL_ON_FIRST : schwarz(rank, order, Math.min(errors, MEMORY));
            double[] arAhead = ar.ahead(HORIZON);
            arUsed |= arAhead[0] != 0;
            for (int k = 0; k < HORIZON; k++) {
                double ahead = 0;
                for (int j = 0; j < TOP; j++) {
                    int c = order[j];
                    double damp = 0;
                    double pow = 1;
                    for (int d = 0; d <= k; d++) {
                        pow *= phis[c];
                        damp += pow;
                    }
                    ahead += w[j] * (level[c] + damp * trend[c]);
                }
                double p = k == 0 ? out[0] : more[k - 1];
                // Exact to the 8 significant digits the JSON carries.
                double expected = Math.exp(ahead + arAhead[k]) + 0.5 * scale * p;
                assertEquals(expected, f.get("horizon").get(k).get("mean").asDouble(), 5e-8 * Math.abs(expected),
                        "step " + i + " horizon " + k);
            }
            assertEquals(i >= WINDOW, f.get("warm").asBoolean(), "warm after a full window, step " + i);
        }
        assertTrue(arUsed, "the error autoregression took part");
    }

    /** The candidates' ranking memory ({@code forecast.smoothing.memory}, the default): the series outlasts it. */
    private static final int MEMORY = ForecastSettings.defaults().memory();
    /** How many best candidates are weighed ({@code forecast.smoothing.top}, the default). */
    private static final int TOP = ForecastSettings.defaults().top();
    /** Until two errors are known, the naive candidate (alpha 1, no trend: index 3) forecasts alone. */
    private static final Integer[] NAIVE_ALONE = {3, 0, 0, 0, 0, 0, 0, 0};
    private static final double[] ALL_ON_FIRST = {1, 0, 0, 0, 0, 0, 0, 0};

    /** The AR(3) of the bank's errors, by recursive least squares, gated on its recent error. */
    private static final class Ar {
        final double lambda = 1 - 1.0 / 500;
        final double[] coef = new double[3];
        final double[][] cov = new double[3][3];
        /** Newest first. */
        final double[] lags = new double[3];
        int seen;
        double bankError;
        double arError;

        double predict() {
            return coef[0] * lags[0] + coef[1] * lags[1] + coef[2] * lags[2];
        }

        double[] ahead(int steps) {
            double[] out = new double[steps];
            if (seen <= 6 || !(arError < bankError)) {
                return out;
            }
            double[] h = {lags[0], lags[1], lags[2]};
            for (int k = 0; k < steps; k++) {
                out[k] = bounded(coef[0] * h[0] + coef[1] * h[1] + coef[2] * h[2]);
                h = new double[] {out[k], h[0], h[1]};
            }
            return out;
        }

        /** Predictions are bounded by the largest of the last three errors. */
        double bounded(double p) {
            double bound = Math.max(Math.max(Math.abs(lags[0]), Math.abs(lags[1])), Math.abs(lags[2]));
            return Math.max(-bound, Math.min(bound, p));
        }

        void learn(double e, double weight) {
            double r = e - predict();
            double used = e - bounded(predict());
            if (seen >= 3) {
                if (seen == 3) {
                    double ss = lags[0] * lags[0] + lags[1] * lags[1] + lags[2] * lags[2];
                    for (int j = 0; j < 3; j++) {
                        cov[j][j] = 3 / (0.01 * ss);
                    }
                }
                bankError += weight * (Math.abs(e) - bankError);
                arError += weight * (Math.abs(used) - arError);
                double[] px = new double[3];
                double denom = lambda;
                for (int a = 0; a < 3; a++) {
                    px[a] = cov[a][0] * lags[0] + cov[a][1] * lags[1] + cov[a][2] * lags[2];
                    denom += lags[a] * px[a];
                }
                double[] g = new double[3];
                for (int a = 0; a < 3; a++) {
                    g[a] = px[a] / denom;
                    coef[a] += g[a] * r;
                }
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        cov[a][b] = (cov[a][b] - g[a] * g[b] * denom) / lambda;
                    }
                }
            }
            seen++;
            lags[2] = lags[1];
            lags[1] = lags[0];
            lags[0] = e;
        }
    }

    /**
     * Schwarz (BIC) weights of the best TOP: r^-n n^(-k/2) (n at least e) for recent mean absolute error r over n
     * independent errors, a quarter of the points it covers, and k smoothing constants (alpha; beta and phi with a
     * trend), normalised.
     */
    private static double[] schwarz(double[] rank, Integer[] order, int points) {
        double n = points / 4.0;
        double[] w = new double[TOP];
        double min = rank[order[0]];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < TOP; j++) {
            int c = order[j];
            int k = 1 + ((c / 4) % 3 > 0 ? 2 : 0);
            w[j] = (rank[c] == min ? 0 : n * Math.log(min / rank[c])) - k * Math.log(Math.max(n, Math.E)) / 2;
            max = Math.max(max, w[j]);
        }
        double sum = 0;
        for (int j = 0; j < TOP; j++) {
            w[j] = Math.exp(w[j] - max);
            sum += w[j];
        }
        for (int j = 0; j < TOP; j++) {
            w[j] /= sum;
        }
        return w;
    }

    /** Candidate indices by rank, ties to the lower index. */
    private static Integer[] best(double[] rank) {
        Integer[] order = new Integer[rank.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> rank[a] != rank[b] ? Double.compare(rank[a], rank[b])
                : Integer.compare(a, b));
        return order;
    }

    @Test
    void hotSwapRewarmsAndTagsTheVersion() {
        for (int i = 0; i < 5; i++) {
            h.point("s", i, (double) i * i);
        }
        h.forecasts.readRecordsToList();
        h.models.pipeInput("forecaster", document(1, 0, 1).toJson());
        h.point("s", 5, 25.0);
        TestRecord<byte[], byte[]> r = h.forecasts.readRecord();
        assertEquals(1, TopologyHarness.parse(r).get("model_version").asInt());
        assertEquals("1", TopologyHarness.header(r, ForecastTopology.MODEL_VERSION_HEADER));
        h.models.pipeInput("forecaster", document(2, 1, 2).toJson());
        h.point("s", 6, 36.0);
        assertEquals(2, h.nextForecast().get("model_version").asInt());
    }

    @Test
    void corruptOrOlderModelsAreRefusedAndTheServingOneStays() {
        h.models.pipeInput("forecaster", document(3, 0, 1).toJson());
        h.models.pipeInput("forecaster", "{not a model");
        h.models.pipeInput("forecaster", document(2, 0, 1).toJson());
        h.models.pipeInput("other-model", document(9, 0, 1).toJson());
        String wrongWindow = document(4, 3, 1).toJson().replace("es-bank-error-v8", "zscore");
        h.models.pipeInput("forecaster", wrongWindow);
        assertEquals(3, h.registry.current().version());
        assertEquals(2.0, h.metrics.count("streamcast.model.invalid"));
    }

    @Test
    void warmSeriesEmitTrainingWindows() {
        for (int i = 0; i < 12; i++) {
            h.point("s", i, Math.sin(i));
        }
        List<TestRecord<byte[], byte[]>> samples = h.samples.readRecordsToList();
        assertFalse(samples.isEmpty());
        var s = dev.streamcast.app.training.TrainingSample.decode("s", samples.get(0).value());
        assertEquals(WINDOW, s.inputs().length);
    }
}
