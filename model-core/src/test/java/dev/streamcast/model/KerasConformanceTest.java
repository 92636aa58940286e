package dev.streamcast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every oracle case (rnn-oracle/1, generated with tfjs; see FORMAT.md) found in -Doracle.dir (default: this
 * module's copy of the public cases), one dynamic test per case file. Tolerances are FORMAT.md's float64-port ones.
 */
class KerasConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path oracleDir() {
        String prop = System.getProperty("oracle.dir");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            if (!Files.isDirectory(p) && !p.isAbsolute()) {
                // relative paths given on a reactor command line are relative to the root, not the module
                Path alt = Path.of("..").resolve(prop);
                if (Files.isDirectory(alt)) {
                    return alt;
                }
            }
            return p;
        }
        return Path.of("src/test/resources/oracle/public");
    }

    @TestFactory
    Stream<DynamicTest> oracleCases() throws IOException {
        Path dir = oracleDir();
        assertTrue(Files.isDirectory(dir), "oracle.dir is not a directory: " + dir.toAbsolutePath());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("index.json"))
                    .sorted()
                    .forEach(files::add);
        }
        assertTrue(!files.isEmpty(), "no case files in " + dir.toAbsolutePath());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> runCase(f)));
    }

    // ------------------------------------------------------------------ one case

    private static void runCase(Path file) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        assertEquals("rnn-oracle/1", c.path("format").asText(), "format of " + file);
        JsonNode cfg = c.get("config");
        String cell = cfg.get("cell").asText();
        int units = cfg.get("units").asInt();
        int features = cfg.get("features").asInt();
        int outputs = cfg.get("outputs").asInt();
        int batch = cfg.get("batch").asInt();
        int steps = cfg.get("timesteps").asInt();
        boolean seq = cfg.get("returnSequences").asBoolean();
        String act = cfg.get("activation").asText();

        Sequential model = build(cfg, cell, units, features, outputs, seq, act);
        Map<String, double[]> w0 = tensors(c.get("weights"));
        checkShapes(model, c.get("weights"));
        model.setWeights(w0);

        double[][][] x = to3(tensor(c.get("input")), batch, steps, features);
        double[] targetFlat = tensor(c.get("target"));
        double[] expectedOut = tensor(c.get("output"));

        // forward outputs
        double[] actualOut = seq ? flat(model.predictSequences(x)) : flat(model.predict(x));
        assertClose("output", expectedOut, actualOut, 1e-6, 1e-5);

        // final state via the streaming kernel: must equal the batched forward state
        checkFinalState(c, model, x, cell, units, batch, steps, features, outputs);

        // loss and gradients
        Gradients g = seq ? model.computeGradients(x, to3(targetFlat, batch, steps, outputs))
                : model.computeGradients(x, to2(targetFlat, batch, outputs));
        double expLoss = c.get("loss").asDouble();
        assertRelative("loss", expLoss, g.loss(), 1e-5);
        Map<String, double[]> expGrads = tensors(c.get("grads"));
        for (Map.Entry<String, double[]> e : expGrads.entrySet()) {
            assertClose("grad " + e.getKey(), e.getValue(), g.gradients().get(e.getKey()), 1e-6, 1e-5);
        }

        // K optimizer steps from the initial weights, fresh state each
        JsonNode train = c.get("train");
        int k = train.get("steps").asInt();
        int ran = 0;
        for (Iterator<String> it = train.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equals("steps")) {
                continue;
            }
            JsonNode run = train.get(key);
            Optimizer opt = optimizerFor(key, run.get("hyper"));
            model.setWeights(w0);
            model.compile(opt, Loss.MSE);
            JsonNode before = run.get("lossesBeforeStep");
            for (int s = 0; s < k; s++) {
                double l = seq ? model.trainOnBatch(x, to3(targetFlat, batch, steps, outputs))
                        : model.trainOnBatch(x, to2(targetFlat, batch, outputs));
                assertRelative(key + " lossesBeforeStep[" + s + "]", before.get(s).asDouble(), l, 1e-5);
            }
            Map<String, double[]> expW = tensors(run.get("weights"));
            Map<String, double[]> actW = model.weights();
            for (Map.Entry<String, double[]> e : expW.entrySet()) {
                assertClose(key + " weights " + e.getKey() + " after " + k + " steps", e.getValue(),
                        actW.get(e.getKey()), 1e-6, 0.0);
            }
            ran++;
        }
        assertTrue(ran > 0, "case has no optimizer runs");
    }

    private static Sequential build(JsonNode cfg, String cell, int units, int features, int outputs, boolean seq,
                                    String act) {
        LayerSpec rnn;
        switch (cell) {
            case "simpleRNN":
                rnn = Layers.simpleRnn(units).activation(act).returnSequences(seq);
                break;
            case "gru":
                rnn = Layers.gru(units).activation(act).recurrentActivation(cfg.get("recurrentActivation").asText())
                        .resetAfter(cfg.get("resetAfter").asBoolean()).returnSequences(seq);
                break;
            case "lstm":
                rnn = Layers.lstm(units).activation(act).recurrentActivation(cfg.get("recurrentActivation").asText())
                        .returnSequences(seq);
                break;
            default:
                throw new AssertionError("unknown cell " + cell);
        }
        return Sequential.builder(features).add(rnn)
                .add(Layers.dense(outputs).activation(cfg.path("denseActivation").asText("linear"))).seed(1).build();
    }

    private static void checkFinalState(JsonNode c, Sequential model, double[][][] x, String cell, int units,
                                        int batch, int steps, int features, int outputs) {
        JsonNode fs = c.get("finalState");
        double[] expH = tensor(fs.get("h"));
        double[] expC = fs.has("c") ? tensor(fs.get("c")) : null;
        StepKernel k = model.stepKernel();
        double[] h = new double[batch * units];
        double[] cc = new double[batch * units];
        double[] out = new double[outputs];
        for (int b = 0; b < batch; b++) {
            double[] state = new double[k.stateSize()];
            for (int t = 0; t < steps; t++) {
                k.step(state, x[b][t], out);
            }
            System.arraycopy(state, 0, h, b * units, units);
            if (cell.equals("lstm")) {
                System.arraycopy(state, units, cc, b * units, units);
            }
        }
        assertClose("finalState.h", expH, h, 1e-6, 1e-5);
        if (cell.equals("lstm")) {
            assertTrue(expC != null, "lstm case without finalState.c");
            assertClose("finalState.c", expC, cc, 1e-6, 1e-5);
        }
    }

    private static Optimizer optimizerFor(String key, JsonNode h) {
        Map<String, Double> m = new LinkedHashMap<>();
        switch (key) {
            case "sgd":
                m.put("learning_rate", h.get("learningRate").asDouble());
                m.put("momentum", h.path("momentum").asDouble(0));
                m.put("nesterov", h.path("nesterov").asBoolean(false) ? 1.0 : 0.0);
                return Optimizer.byName("sgd", m);
            case "rmsprop":
                m.put("centered", h.path("centered").asBoolean(false) ? 1.0 : 0.0);
                m.put("learning_rate", h.get("learningRate").asDouble());
                m.put("rho", h.get("rho").asDouble());
                m.put("momentum", h.path("momentum").asDouble(0));
                m.put("epsilon", h.get("epsilon").asDouble());
                return Optimizer.byName("rmsprop", m);
            case "adam":
            case "adamTfjs":
                assertTrue(!h.path("amsgrad").asBoolean(false), "amsgrad is not implemented (FORMAT.md: always false)");
                m.put("learning_rate", h.get("learningRate").asDouble());
                m.put("beta_1", h.get("beta1").asDouble());
                m.put("beta_2", h.get("beta2").asDouble());
                m.put("epsilon", h.get("epsilon").asDouble());
                // adamTfjs: tfjs's own formula (epsilon added to the bias-corrected sqrt(v)), tested too
                return Optimizer.byName(key.equals("adam") ? "adam" : "adam_tfjs", m);
            default:
                Assumptions.abort("unknown optimizer run '" + key + "'");
                return null;
        }
    }

    // ------------------------------------------------------------------ checks

    /** |a - e| <= atol + rtol * max|e| (tensor-scaled, FORMAT.md section 5). */
    static void assertClose(String what, double[] expected, double[] actual, double atol, double rtol) {
        if (actual == null) {
            fail(what + ": missing");
        }
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0.0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double tol = atol + rtol * scale;
        double worst = 0.0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            if (!(d <= tol) && (worstAt < 0 || d > worst || Double.isNaN(d))) {
                worst = d;
                worstAt = i;
            }
        }
        if (worstAt >= 0) {
            fail(what + ": element " + worstAt + " expected " + expected[worstAt] + " got " + actual[worstAt]
                    + " (|diff| " + worst + " > tol " + tol + ")");
        }
    }

    static void assertRelative(String what, double expected, double actual, double rel) {
        double d = Math.abs(actual - expected);
        if (!(d <= rel * Math.abs(expected))) {
            fail(what + ": expected " + expected + " got " + actual + " (relative diff "
                    + d / Math.abs(expected) + " > " + rel + ")");
        }
    }

    private static void checkShapes(Sequential model, JsonNode weights) {
        Map<String, int[]> shapes = model.weightShapes();
        for (Iterator<String> it = weights.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            int[] want = shape(weights.get(n));
            assertTrue(shapes.containsKey(n), "model lacks weight " + n);
            assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(shapes.get(n)), "shape of " + n);
        }
        assertEquals(shapes.size(), weights.size(), "weight count");
    }

    // ------------------------------------------------------------------ tensor parsing

    static double[] tensor(JsonNode t) {
        JsonNode data = t.get("data");
        double[] v = new double[data.size()];
        for (int i = 0; i < v.length; i++) {
            // float32 values written as shortest decimals: parse as float to get tfjs's exact tensor
            v[i] = (double) Float.parseFloat(data.get(i).asText());
        }
        return v;
    }

    static int[] shape(JsonNode t) {
        JsonNode s = t.get("shape");
        int[] v = new int[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.get(i).asInt();
        }
        return v;
    }

    static Map<String, double[]> tensors(JsonNode obj) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            m.put(n, tensor(obj.get(n)));
        }
        return m;
    }

    static double[][][] to3(double[] flat, int a, int b, int c) {
        double[][][] r = new double[a][b][c];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(flat, (i * b + j) * c, r[i][j], 0, c);
            }
        }
        return r;
    }

    static double[][] to2(double[] flat, int a, int b) {
        double[][] r = new double[a][b];
        for (int i = 0; i < a; i++) {
            System.arraycopy(flat, i * b, r[i], 0, b);
        }
        return r;
    }

    static double[] flat(double[][] a) {
        return Stream.of(a).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double[] flat(double[][][] a) {
        return Stream.of(a).flatMap(Stream::of).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
