package dev.streamcast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-step kernel must reproduce the batched forward pass bit for bit and must not allocate. */
class StreamingTest {

    @ParameterizedTest
    @ValueSource(strings = {"simpleRnn", "simpleRnnSigmoid", "gruAfter", "gruBefore", "lstm"})
    void stepEqualsPredictBitForBit(String cell) {
        Sequential m = TestData.model(cell, 2, 7, 3, false, 21);
        double[][][] x = TestData.randomX(8, 5, 9, 2);
        double[][] expected = m.predict(x);
        StepKernel k = m.stepKernel();
        assertEquals(cell.equals("lstm") ? 14 : 7, k.stateSize());
        for (int b = 0; b < x.length; b++) {
            double[] state = new double[k.stateSize()];
            double[] out = new double[3];
            for (double[] xt : x[b]) {
                k.step(state, xt, out);
            }
            assertArrayEquals(expected[b], out, 0.0, cell + " sample " + b);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gruAfter", "lstm"})
    void stepEqualsEveryStepOfReturnSequences(String cell) {
        Sequential m = TestData.model(cell, 1, 5, 1, true, 2);
        double[][][] x = TestData.randomX(9, 3, 6, 1);
        double[][][] expected = m.predictSequences(x);
        StepKernel k = m.stepKernel();
        for (int b = 0; b < x.length; b++) {
            double[] state = new double[k.stateSize()];
            double[] out = new double[1];
            for (int t = 0; t < 6; t++) {
                k.step(state, x[b][t], out);
                assertArrayEquals(expected[b][t], out, 0.0);
            }
        }
    }

    @Test
    void stackedStepEqualsPredict() {
        Sequential m = Sequential.builder(2).add(Layers.lstm(4).returnSequences(true)).add(Layers.gru(3))
                .add(Layers.dense(4).activation("relu")).add(Layers.dense(2)).seed(3).build();
        double[][][] x = TestData.randomX(1, 4, 7, 2);
        double[][] expected = m.predict(x);
        StepKernel k = m.stepKernel();
        assertEquals(8 + 3, k.stateSize());
        double[] states = new double[4 * k.stateSize()];   // many keys in one array, offset API
        double[] out = new double[2];
        for (int t = 0; t < 7; t++) {
            for (int b = 0; b < 4; b++) {
                k.step(states, b * k.stateSize(), x[b][t], 0, out, 0);
                if (t == 6) {
                    assertArrayEquals(expected[b], out, 0.0);
                }
            }
        }
    }

    @Test
    void rolloutFeedsOutputsBackWithoutTouchingState() {
        Sequential m = TestData.model("gruAfter", 1, 6, 1, false, 4);
        StepKernel k = m.stepKernel();
        double[] state = new double[k.stateSize()];
        double[] out = new double[1];
        k.step(state, new double[] {0.3}, out);
        double[] before = state.clone();
        double[] fc = new double[5];
        k.rollout(state, new double[] {0.5}, 5, fc);
        assertArrayEquals(before, state, 0.0);
        // same thing by hand
        double[] s = state.clone();
        double[] in = {0.5};
        for (int h = 0; h < 5; h++) {
            k.step(s, in, out);
            assertEquals(fc[h], out[0], 0.0);
            in[0] = out[0];
        }
        Sequential m2 = TestData.model("gruAfter", 2, 6, 1, false, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m2.stepKernel().rollout(new double[6], new double[2], 3, new double[3]));
        assertTrue(e.getMessage().contains("features == outputs"), e.getMessage());
    }

    @Test
    void stepDoesNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String cell : new String[] {"simpleRnn", "gruAfter", "gruBefore", "lstm"}) {
            Sequential m = TestData.model(cell, 1, 32, 1, false, 1);
            StepKernel k = m.stepKernel();
            int keys = 1000;
            double[] states = new double[keys * k.stateSize()];
            double[] x = new double[1];
            double[] out = new double[1];
            double[] fc = new double[8];
            run(k, states, x, out, keys, 20_000);   // warm up / JIT
            long tid = Thread.currentThread().getId();
            long a0 = mx.getThreadAllocatedBytes(tid);
            run(k, states, x, out, keys, 100_000);
            k.rollout(new double[k.stateSize()], x, 8, fc);
            long a1 = mx.getThreadAllocatedBytes(tid);
            // a few hundred bytes of slack for the measurement itself, far below 1 byte per step
            assertTrue(a1 - a0 < 4096, cell + ": allocated " + (a1 - a0) + " bytes over 100,000 steps");
        }
    }

    private static void run(StepKernel k, double[] states, double[] x, double[] out, int keys, int n) {
        int ss = k.stateSize();
        for (int i = 0; i < n; i++) {
            x[0] = Math.sin(i * 0.01);
            k.step(states, (i % keys) * ss, x, 0, out, 0);
        }
    }

    @Test
    void stepRejectsBadInput() {
        StepKernel k = TestData.model("lstm", 2, 3, 1, false, 1).stepKernel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> k.step(new double[3], new double[2], new double[1]));
        assertTrue(e.getMessage().contains("state must have length 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> k.step(new double[6], new double[1], new double[1]));
        assertTrue(e.getMessage().contains("x needs 2 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> k.step(new double[6], new double[] {1, Double.NaN}, new double[1]));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
