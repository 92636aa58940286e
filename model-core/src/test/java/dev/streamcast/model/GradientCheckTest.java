package dev.streamcast.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BPTT gradients against central finite differences of the loss, every weight element, every cell. */
class GradientCheckTest {

    @ParameterizedTest(name = "{0} returnSequences={1} loss={2}")
    @CsvSource({
        "simpleRnn, false, mse", "simpleRnn, true, mse", "simpleRnnSigmoid, false, mse",
        "gruAfter, false, mse", "gruAfter, true, mse", "gruBefore, false, mse", "gruBefore, true, huber",
        "lstm, false, mse", "lstm, true, mse", "lstm, false, mae"
    })
    void gradientsMatchFiniteDifferences(String cell, boolean seq, String loss) {
        Sequential m = Sequential.builder(2).add(TestData.rnn(cell, 4, seq))
                .add(Layers.dense(2).activation("tanh")).add(Layers.dense(2)).seed(11).build();
        perturbBiases(m);
        check(m, seq, Loss.byName(loss));
    }

    @ParameterizedTest(name = "stacked {0} over {1}")
    @CsvSource({"simpleRnn, lstm", "gruAfter, gruBefore", "lstm, simpleRnn"})
    void stackedGradients(String lower, String upper) {
        Sequential m = Sequential.builder(2).add(TestData.rnn(lower, 3, true)).add(TestData.rnn(upper, 4, false))
                .add(Layers.dense(1)).seed(5).build();
        perturbBiases(m);
        check(m, false, Loss.MSE);
    }

    /** Default biases are 0 (or 1): make them generic so every term of the gradient matters. */
    private static void perturbBiases(Sequential m) {
        Map<String, double[]> w = m.weights();
        int k = 0;
        for (Map.Entry<String, double[]> e : w.entrySet()) {
            if (e.getKey().endsWith("bias")) {
                double[] b = e.getValue();
                for (int i = 0; i < b.length; i++) {
                    b[i] += 0.1 * Math.sin(1.7 * (k++) + 0.3);
                }
            }
        }
        m.setWeights(w);
    }

    private static void check(Sequential m, boolean seq, Loss loss) {
        m.compile(Optimizer.sgd(), loss);
        double[][][] x = TestData.randomX(3, 3, 5, 2);
        double[][] y2 = TestData.randomY(4, 3, m.outputs());
        double[][][] y3 = TestData.randomY3(4, 3, 5, m.outputs());
        Gradients g = seq ? m.computeGradients(x, y3) : m.computeGradients(x, y2);
        Map<String, double[]> w = m.weights();
        double h = 1e-6;
        for (Map.Entry<String, double[]> e : w.entrySet()) {
            double[] v = e.getValue();
            double[] ana = g.gradients().get(e.getKey());
            for (int i = 0; i < v.length; i++) {
                double orig = v[i];
                v[i] = orig + h;
                m.setWeights(w);
                double lp = seq ? m.computeGradients(x, y3).loss() : m.computeGradients(x, y2).loss();
                v[i] = orig - h;
                m.setWeights(w);
                double lm = seq ? m.computeGradients(x, y3).loss() : m.computeGradients(x, y2).loss();
                v[i] = orig;
                double num = (lp - lm) / (2 * h);
                double err = Math.abs(num - ana[i]);
                assertTrue(err <= 1e-7 + 1e-5 * Math.abs(num), e.getKey() + "[" + i + "]: analytic " + ana[i]
                        + " numeric " + num);
            }
            m.setWeights(w);
        }
    }

    /** Oracle-sized shapes (64 units, 50 steps): spot-check 24 random weight elements per cell. */
    @ParameterizedTest(name = "large {0} returnSequences={1}")
    @CsvSource({"simpleRnn, false", "gruAfter, true", "gruBefore, false", "lstm, true"})
    void largeShapesSpotCheck(String cell, boolean seq) {
        Sequential m = Sequential.builder(3).add(TestData.rnn(cell, 64, seq)).add(Layers.dense(2)).seed(17).build();
        perturbBiases(m);
        m.compile(Optimizer.sgd(), Loss.MSE);
        double[][][] x = TestData.randomX(6, 3, 50, 3);
        double[][] y2 = TestData.randomY(7, 3, 2);
        double[][][] y3 = TestData.randomY3(7, 3, 50, 2);
        Gradients g = seq ? m.computeGradients(x, y3) : m.computeGradients(x, y2);
        Map<String, double[]> w = m.weights();
        dev.streamcast.model.internal.SplitMix64 r = new dev.streamcast.model.internal.SplitMix64(3);
        String[] names = w.keySet().toArray(new String[0]);
        double h = 1e-6;
        for (int n = 0; n < 24; n++) {
            String name = names[n % names.length];
            double[] v = w.get(name);
            int i = r.below(v.length);
            double orig = v[i];
            v[i] = orig + h;
            m.setWeights(w);
            double lp = seq ? m.computeGradients(x, y3).loss() : m.computeGradients(x, y2).loss();
            v[i] = orig - h;
            m.setWeights(w);
            double lm = seq ? m.computeGradients(x, y3).loss() : m.computeGradients(x, y2).loss();
            v[i] = orig;
            double num = (lp - lm) / (2 * h);
            double ana = g.gradients().get(name)[i];
            assertTrue(Math.abs(num - ana) <= 1e-7 + 1e-5 * Math.abs(num), name + "[" + i + "]: analytic " + ana
                    + " numeric " + num);
        }
    }
}
