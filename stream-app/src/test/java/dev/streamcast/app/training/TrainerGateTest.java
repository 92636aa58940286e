package dev.streamcast.app.training;

import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.app.model.NaiveModel;
import dev.streamcast.app.model.RnnModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate: a candidate is published only when it beats the serving model on the most recent, held-out samples. */
class TrainerGateTest {

    private static final int WINDOW = 8;

    /** Inputs that follow x' = 0.8 x + noise: learnable, so a trained model beats the naive zero prediction. */
    static List<TrainingSample> autoregressive(int n, long seed) {
        Random r = new Random(seed);
        List<TrainingSample> out = new ArrayList<>();
        double[] x = new double[n + WINDOW + 1];
        for (int t = 1; t < x.length; t++) {
            x[t] = 0.8 * x[t - 1] + 0.3 * r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            double[] in = new double[WINDOW];
            System.arraycopy(x, i, in, 0, WINDOW);
            out.add(new TrainingSample("s" + (i % 7), i, in, x[i + WINDOW]));
        }
        return out;
    }

    private static TrainerSettings settings(int epochs, double learningRate) {
        return new TrainerSettings("gru", 8, epochs, 32, learningRate, 0.2, 5L, 100, 100, 5000, 0L);
    }

    @Test
    void aLearnableSignalBeatsNaiveAndIsPublishedWithProvenance() {
        List<TrainingSample> samples = autoregressive(1500, 1);
        Trainer.Outcome o = new Trainer(settings(10, 0.01), WINDOW).train(samples, NaiveModel.INSTANCE, "forecaster");
        assertTrue(o.accepted(), o.reason());
        assertTrue(o.candidateMse() < 0.8 * o.naiveMse(), o.reason());
        RnnModel served = ModelDocuments.toServing(o.candidate());
        assertEquals(1, served.version());
        assertEquals(0, ModelDocuments.parentVersion(served));
        assertEquals(WINDOW, ((Number) o.candidate().metadata().get(ModelDocuments.WINDOW)).intValue());
        assertTrue(o.candidate().metadata().containsKey("validation"));
        assertTrue(o.candidate().metadata().containsKey("training"));
    }

    @Test
    void aWorseCandidateIsRejectedAndNothingIsPublished() {
        List<TrainingSample> samples = autoregressive(1500, 2);
        Trainer.Outcome good = new Trainer(settings(10, 0.01), WINDOW).train(samples, NaiveModel.INSTANCE, "forecaster");
        assertTrue(good.accepted(), good.reason());
        RnnModel serving = ModelDocuments.toServing(good.candidate());
        // Barely trained: one epoch at a learning rate too small to move the random initial weights.
        Trainer.Outcome bad = new Trainer(settings(1, 1e-7), WINDOW).train(samples, serving, "forecaster");
        assertFalse(bad.accepted(), bad.reason());
        assertNull(bad.candidate());
        assertTrue(bad.candidateMse() > bad.servingMse(), bad.reason());
    }

    @Test
    void tooFewSamplesAreReportedNotTrained() {
        Trainer.Outcome o = new Trainer(settings(1, 0.01), WINDOW).train(autoregressive(50, 3), NaiveModel.INSTANCE,
                "forecaster");
        assertFalse(o.accepted());
        assertTrue(o.reason().contains("need"), o.reason());
    }

    @Test
    void sampleWindowSchedulesFirstAndLaterTrainings() {
        SampleWindow w = new SampleWindow(settings(1, 0.01));
        List<TrainingSample> s = autoregressive(400, 4);
        for (int i = 0; i < 99; i++) {
            w.add(s.get(i));
        }
        assertFalse(w.due());
        w.add(s.get(99));
        assertTrue(w.due(), "first training after min.samples");
        assertEquals(100, w.snapshotAndReset().size());
        for (int i = 100; i < 199; i++) {
            w.add(s.get(i));
        }
        assertFalse(w.due());
        w.add(s.get(199));
        assertTrue(w.due(), "then every every.samples");
    }
}
