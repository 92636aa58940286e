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
        meta.put(ModelDocuments.NORMALISATION, Map.of("method", "diff-ewms-v1"));
        return ModelDocument.of(net, meta);
    }

    @Test
    void beforeAnyModelTheForecastIsTheLastValue() {
        h.point("s", 0, 10.0);
        JsonNode f0 = h.nextForecast();
        assertFalse(f0.get("warm").asBoolean());
        assertEquals(0, f0.get("model_version").asInt());
        h.point("s", 60_000, 12.0);
        JsonNode f1 = h.nextForecast();
        assertTrue(f1.get("warm").asBoolean(), "the naive model needs one difference");
        assertEquals(HORIZON, f1.get("horizon").size());
        for (JsonNode step : f1.get("horizon")) {
            assertEquals(12.0, step.get("mean").asDouble());
            assertTrue(step.get("lower").asDouble() < 12.0 && step.get("upper").asDouble() > 12.0);
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
        assertEquals(before.get("horizon").get(0).get("mean").asDouble(), gap.get("value").asDouble());
    }

    /** The topology's forecasts are model-core's step and rollout on the normalised differences, bit for bit. */
    @Test
    void forecastsEqualModelCoreStepsBitForBit() {
        ModelDocument doc = document(1, 0, 11);
        h.models.pipeInput("forecaster", doc.toJson());
        assertEquals(1, h.registry.current().version());

        double[] values = {5.0, 5.5, 4.75, 6.0, 6.25, 5.0, 7.5, 7.0, 6.5, 8.0};
        StepKernel kernel = doc.toModel().stepKernel();
        double[] hidden = new double[kernel.stateSize()];
        double ewms = 0;
        int diffs = 0;
        for (int i = 0; i < values.length; i++) {
            h.point("s", 1000L * i, values[i]);
            JsonNode f = h.nextForecast();
            assertEquals(1, f.get("model_version").asInt());
            if (i == 0) {
                continue;
            }
            double diff = values[i] - values[i - 1];
            double prior = diffs > 0 ? Math.sqrt(ewms) : Math.abs(diff);
            double x = Math.max(-8, Math.min(8, diff / Math.max(prior, Double.MIN_NORMAL)));
            ewms += Math.max(1.0 / (diffs + 1), 0.01) * (diff * diff - ewms);
            diffs++;
            double[] out = new double[1];
            kernel.step(hidden, new double[] {x}, out);
            double[] more = new double[HORIZON - 1];
            kernel.rollout(hidden, out, HORIZON - 1, more);
            double scale = Math.sqrt(ewms);
            double cumulative = out[0];
            assertEquals(values[i] + scale * cumulative, f.get("horizon").get(0).get("mean").asDouble(), 0.0,
                    "step " + i);
            for (int k = 1; k < HORIZON; k++) {
                cumulative += more[k - 1];
                assertEquals(values[i] + scale * cumulative, f.get("horizon").get(k).get("mean").asDouble(), 0.0,
                        "step " + i + " horizon " + k);
            }
            assertEquals(i >= WINDOW, f.get("warm").asBoolean(), "warm after a full window, step " + i);
        }
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
        String wrongWindow = document(4, 3, 1).toJson().replace("diff-ewms-v1", "zscore");
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
