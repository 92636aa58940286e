package dev.streamcast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingTest {

    private static Map<String, double[]> fitOnce(String cell, long seed) {
        Sequential m = TestData.model(cell, 1, 6, 1, false, seed);
        m.compile(Optimizer.adam(0.01), Loss.MSE);
        m.fit(TestData.sineX(100, 10, 3), TestData.sineY(100, 10, 3), FitOptions.builder().epochs(3).batchSize(16)
                .shuffle(true).seed(seed).validationSplit(0.2).build());
        return m.weights();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simpleRnn", "gruAfter", "gruBefore", "lstm"})
    void sameSeedGivesBitIdenticalWeights(String cell) {
        Map<String, double[]> a = fitOnce(cell, 42);
        Map<String, double[]> b = fitOnce(cell, 42);
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), 0.0, k);   // 0.0 delta: exact equality
        }
        Map<String, double[]> c = fitOnce(cell, 43);
        assertFalse(java.util.Arrays.equals(a.get("rnn/kernel"), c.get("rnn/kernel")), "different seed differs");
    }

    @Test
    void initialisersFollowKerasDefaults() {
        Sequential m = Sequential.builder(3).add(Layers.lstm(5)).add(Layers.dense(2)).seed(7).build();
        Map<String, double[]> w = m.weights();
        double limit = Math.sqrt(6.0 / (3 + 20));
        for (double v : w.get("rnn/kernel")) {
            assertTrue(Math.abs(v) <= limit);
        }
        // orthogonal recurrent kernel [5][20]: rows orthonormal
        double[] r = w.get("rnn/recurrent_kernel");
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double dot = 0;
                for (int c = 0; c < 20; c++) {
                    dot += r[i * 20 + c] * r[j * 20 + c];
                }
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12);
            }
        }
        double[] b = w.get("rnn/bias");   // unit_forget_bias
        for (int i = 0; i < 20; i++) {
            assertEquals(i >= 5 && i < 10 ? 1.0 : 0.0, b[i]);
        }
        assertEquals(4 * (3 * 5 + 5 * 5 + 5) + 5 * 2 + 2, m.parameterCount());
    }

    /** End to end: a GRU learns the noisy sine (noise variance 0.1^2/3 ~ 0.0033 is the floor). */
    @Test
    void learnsNoisySine() {
        double[][][] x = TestData.sineX(600, 20, 5);
        double[][] y = TestData.sineY(600, 20, 5);
        Sequential m = Sequential.builder(1).add(Layers.gru(16)).add(Layers.dense(1)).seed(1).build();
        m.compile(Optimizer.adam(0.01), Loss.MSE);
        List<Double> seen = new ArrayList<>();
        History h = m.fit(x, y, FitOptions.builder().epochs(15).batchSize(32).seed(2).validationSplit(0.2)
                .listener((e, l, v) -> seen.add(v)).build());
        assertEquals(15, h.epochsRun());
        assertEquals(h.valLoss(), seen);
        double[][][] xt = TestData.sineX(200, 20, 77);
        double mse = m.evaluate(xt, TestData.sineY(200, 20, 77));
        // measured ~0.004-0.005 on held-out data; threshold leaves margin, a sine's variance is 0.5
        System.out.println("learnsNoisySine: held-out MSE " + mse + " train loss " + h.loss());
        assertTrue(mse < 0.012, "held-out MSE " + mse + ", history " + h);
        assertTrue(h.loss().get(h.epochsRun() - 1) < h.loss().get(0));
    }

    /** The flat sample-major form trains exactly as the nested one (same losses and weights, bit for bit). */
    @Test
    void flatInputsTrainLikeNestedOnes() {
        double[][][] x = TestData.sineX(150, 12, 5);
        double[][] y = TestData.sineY(150, 12, 5);
        int f = x[0][0].length;
        double[] xf = new double[x.length * 12 * f];
        double[] yf = new double[y.length];
        for (int b = 0; b < x.length; b++) {
            for (int i = 0; i < 12; i++) {
                System.arraycopy(x[b][i], 0, xf, (b * 12 + i) * f, f);
            }
            yf[b] = y[b][0];
        }
        double[] xCopy = xf.clone();
        FitOptions o = FitOptions.builder().epochs(4).batchSize(16).seed(3).validationSplit(0.2).shuffle(true).build();
        Sequential nested = TestData.model("gruAfter", f, 6, 1, false, 9);
        nested.compile(Optimizer.adam(0.01), Loss.MSE);
        Sequential flat = TestData.model("gruAfter", f, 6, 1, false, 9);
        flat.compile(Optimizer.adam(0.01), Loss.MSE);
        History a = nested.fit(x, y, o);
        History b = flat.fit(xf, 12, yf, o);
        assertEquals(a.loss(), b.loss());
        assertEquals(a.valLoss(), b.valLoss());
        for (Map.Entry<String, double[]> e : nested.weights().entrySet()) {
            assertTrue(java.util.Arrays.equals(e.getValue(), flat.weights().get(e.getKey())), e.getKey());
        }
        assertTrue(java.util.Arrays.equals(xCopy, xf), "x is not modified");
        assertThrows(IllegalArgumentException.class, () -> flat.fit(new double[25], 12, new double[2], o),
                "25 values are not whole samples of 12");
        double[] bad = xf.clone();
        bad[7] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> flat.fit(bad, 12, yf, o));
        assertThrows(IllegalArgumentException.class, () -> flat.fit(xf, 12, new double[3], o));
    }

    @Test
    void earlyStoppingRestoresBestWeights() {
        double[][][] x = TestData.sineX(120, 10, 5);
        double[][] y = TestData.sineY(120, 10, 5);
        Sequential m = TestData.model("simpleRnn", 1, 8, 1, false, 3);
        // a high learning rate makes the validation loss bounce, so patience triggers
        m.compile(Optimizer.adam(0.05), Loss.MSE);
        List<Map<String, double[]>> weightsPerEpoch = new ArrayList<>();
        History h = m.fit(x, y, FitOptions.builder().epochs(60).batchSize(8).seed(1).validationSplit(0.25)
                .earlyStoppingPatience(2).restoreBestWeights(true).build());
        assertTrue(h.stoppedEarly(), h.toString());
        assertTrue(h.epochsRun() < 60);
        int best = h.bestEpoch();
        double bestVal = h.valLoss().get(best);
        for (double v : h.valLoss()) {
            assertTrue(bestVal <= v);
        }
        assertEquals(best + 2 + 1, h.epochsRun(), "stops patience epochs after the best");
        double[][][] xv = java.util.Arrays.copyOfRange(x, 90, 120);
        double[][] yv = java.util.Arrays.copyOfRange(y, 90, 120);
        assertEquals(bestVal, m.evaluate(xv, yv), 1e-9 * bestVal, "best weights restored");
        System.out.println("earlyStopping: " + h);
        assertTrue(weightsPerEpoch.isEmpty());
    }

    @Test
    void divergenceStopsTrainingWithException() {
        Sequential m = TestData.model("simpleRnn", 1, 8, 1, false, 3);
        m.compile(Optimizer.sgd(1e6), Loss.MSE);
        double[][][] x = TestData.sineX(64, 10, 5);
        double[][] y = TestData.sineY(64, 10, 5);
        for (double[] r : y) {
            r[0] *= 1e3;
        }
        Map<String, double[]> before = m.weights();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> m.fit(x, y, FitOptions.builder().epochs(50).batchSize(8).build()));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
        for (double[] w : m.weights().values()) {
            for (double v : w) {
                assertTrue(Double.isFinite(v), "weights restored, not poisoned");
            }
        }
        assertTrue(before.size() > 0);
    }

    @Test
    void returnSequencesTrainingAndClipnorm() {
        Sequential m = TestData.model("lstm", 2, 5, 2, true, 3);
        m.compile(Optimizer.byName("rmsprop", Map.of("learning_rate", 0.01, "clipnorm", 0.5)), Loss.MSE);
        double[][][] x = TestData.randomX(1, 40, 6, 2);
        double[][][] y = TestData.randomY3(2, 40, 6, 2);
        double first = m.evaluate(x, y);
        History h = m.fit(x, y, FitOptions.builder().epochs(20).batchSize(10).seed(3).build());
        assertTrue(m.evaluate(x, y) < first, h.toString());
        assertEquals(40, m.predictSequences(x).length);
    }
}
