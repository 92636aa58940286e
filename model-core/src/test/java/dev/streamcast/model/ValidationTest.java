package dev.streamcast.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails fast with a message that says what is wrong. */
class ValidationTest {

    private static void fails(Class<? extends Throwable> type, String fragment, Executable ex) {
        Throwable t = assertThrows(type, ex);
        assertTrue(t.getMessage().contains(fragment), "message was: " + t.getMessage());
    }

    @Test
    void badNamesAndHyperparameters() {
        fails(IllegalArgumentException.class, "unknown activation 'swish'", () -> Layers.simpleRnn(3).activation("swish"));
        fails(IllegalArgumentException.class, "hard_sigmoid", () -> Layers.gru(3).recurrentActivation("hard_sigmoid"));
        fails(IllegalArgumentException.class, "unknown optimizer 'adagrad'", () -> Optimizer.byName("adagrad", null));
        fails(IllegalArgumentException.class, "unknown hyperparameter 'rho' for optimizer adam",
                () -> Optimizer.byName("adam", Map.of("rho", 0.9)));
        fails(IllegalArgumentException.class, "learning_rate", () -> Optimizer.sgd(-1));
        fails(IllegalArgumentException.class, "unknown loss 'hinge'", () -> Loss.byName("hinge"));
        fails(IllegalArgumentException.class, "units must be > 0", () -> Layers.lstm(0));
        fails(IllegalArgumentException.class, "Dense output layer",
                () -> Sequential.builder(1).add(Layers.lstm(2)).build());
        fails(IllegalArgumentException.class, "returnSequences(true)",
                () -> Sequential.builder(1).add(Layers.lstm(2)).add(Layers.gru(2)).add(Layers.dense(1)).build());
        fails(IllegalArgumentException.class, "start with a recurrent layer",
                () -> Sequential.builder(1).add(Layers.dense(2)).add(Layers.lstm(2)).build());
    }

    @Test
    void badArrays() {
        Sequential m = TestData.model("gruAfter", 2, 3, 1, false, 1);
        m.compile(Optimizer.adam(), Loss.MSE);
        FitOptions o = FitOptions.defaults();
        fails(IllegalArgumentException.class, "x[0][0] has 1 features but the model expects 2",
                () -> m.predict(TestData.randomX(1, 2, 3, 1)));
        double[][][] ragged = TestData.randomX(1, 2, 3, 2);
        ragged[1] = new double[2][2];
        fails(IllegalArgumentException.class, "x[1] has 2 time steps but x[0] has 3", () -> m.predict(ragged));
        double[][][] nan = TestData.randomX(1, 2, 3, 2);
        nan[1][2][1] = Double.NaN;
        fails(IllegalArgumentException.class, "x[1][2][1] is NaN", () -> m.predict(nan));
        fails(IllegalArgumentException.class, "y has 3 samples but x has 2",
                () -> m.fit(TestData.randomX(1, 2, 3, 2), TestData.randomY(1, 3, 1), o));
        double[][] yInf = TestData.randomY(1, 2, 1);
        yInf[0][0] = Double.POSITIVE_INFINITY;
        fails(IllegalArgumentException.class, "y[0][0] is Infinity",
                () -> m.fit(TestData.randomX(1, 2, 3, 2), yInf, o));
        fails(IllegalArgumentException.class, "returns sequences",
                () -> TestData.model("lstm", 1, 2, 1, true, 1).predict(TestData.randomX(1, 2, 3, 1)));
        fails(IllegalArgumentException.class, "x is empty", () -> m.predict(new double[0][][]));
        fails(IllegalArgumentException.class, "unknown weight 'rnn/kernal'",
                () -> m.setWeight("rnn/kernal", new double[18]));
        fails(IllegalArgumentException.class, "needs 18 values (shape [2, 9])",
                () -> m.setWeight("rnn/kernel", new double[5]));
        fails(IllegalStateException.class, "not compiled",
                () -> TestData.model("lstm", 1, 2, 1, false, 1).fit(TestData.randomX(1, 2, 3, 1),
                        TestData.randomY(1, 2, 1), o));
        fails(IllegalArgumentException.class, "validationSplit",
                () -> m.fit(TestData.randomX(1, 2, 3, 2), TestData.randomY(1, 2, 1),
                        FitOptions.builder().validationSplit(0.3).build()));
        fails(IllegalArgumentException.class, "batchSize must be > 0", () -> FitOptions.builder().batchSize(0));
    }
}
