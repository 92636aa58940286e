package dev.streamcast.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamcast.app.forecast.ForecastSettings;
import dev.streamcast.app.forecast.Normalisation;
import dev.streamcast.app.model.InvalidModelException;
import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.app.topology.TopologyHarness;
import dev.streamcast.app.topology.TopologySettings;
import dev.streamcast.model.Layers;
import dev.streamcast.model.ModelDocument;
import dev.streamcast.model.Sequential;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random mutations of valid model documents on the {@code models} topic: byte-level damage (truncation, flipped
 * characters) and structural damage (any node replaced by a hostile value, with the content hash recomputed so the
 * damage reaches the deeper checks). A document either serves (then forecasts name its version) or is rejected with a
 * counted, logged reason while the serving model stays; nothing throws out of the global thread.
 */
class ModelDocumentFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HASH = Pattern.compile("hash to ([0-9a-fA-F]+)");
    private static final int WINDOW = 4;

    @TempDir
    Path stateDir;

    static ModelDocument document(int version, int parent, long seed, Random rnd) {
        int units = 1 + rnd.nextInt(6);
        Sequential.Builder b = Sequential.builder(1);
        b = switch (rnd.nextInt(3)) {
            case 0 -> b.add(Layers.gru(units));
            case 1 -> b.add(Layers.lstm(units));
            default -> b.add(Layers.simpleRnn(units));
        };
        Sequential net = b.add(Layers.dense(1)).seed(seed).build();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(ModelDocuments.NAME, "forecaster");
        meta.put(ModelDocuments.VERSION, version);
        meta.put(ModelDocuments.PARENT, parent);
        meta.put(ModelDocuments.WINDOW, WINDOW);
        meta.put(ModelDocuments.NORMALISATION, Map.of("method", Normalisation.METHOD));
        return ModelDocument.of(net, meta);
    }

    @Test
    void corruptDocumentsAreRejectedAndTheServingModelStays() throws Exception {
        Random rnd = new Random(Long.getLong("fuzz.seed", 0xD0C5L));
        int cases = Integer.getInteger("fuzz.cases", 600);
        TopologySettings settings = TopologySettings.defaults().withForecast(new ForecastSettings(3, 0.9, WINDOW, 20,
                0));
        Map<String, Integer> outcomes = new TreeMap<>();
        try (TopologyHarness h = new TopologyHarness(settings, stateDir)) {
            long ts = 0;
            for (int i = 0; i < cases; i++) {
                int serving = h.registry.current().version();
                String base = document(serving + 1, serving, rnd.nextLong(), rnd).toJson();
                String how = rnd.nextInt(3) == 0 ? "bytes" : "tree";
                String mutated = how.equals("bytes") ? mutateBytes(base, rnd) : mutateTree(base, rnd);
                String where = "case " + i + " (" + how + "): " + abbreviate(mutated);

                boolean valid;
                int version = -1;
                try {
                    version = ModelDocuments.parse(mutated).version();
                    valid = true;
                } catch (InvalidModelException e) {
                    valid = false;
                } catch (Throwable t) {
                    fail("ModelDocuments.parse threw " + t + " (only InvalidModelException is allowed) for " + where,
                            t);
                    return;
                }
                double invalidBefore = h.metrics.count("streamcast.model.invalid");
                try {
                    h.rawModels.pipeInput(TopologyHarness.utf8("forecaster"), mutated.getBytes(StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    fail("the models topic threw for " + where, e);
                }
                int now = h.registry.current().version();
                if (valid) {
                    assertEquals(Math.max(serving, version), now, "a valid document newer than the serving one"
                            + " is adopted: " + where);
                    outcomes.merge(how + " -> still valid", 1, Integer::sum);
                } else {
                    assertEquals(serving, now, "the serving model stays after a rejected document: " + where);
                    assertEquals(invalidBefore + 1, h.metrics.count("streamcast.model.invalid"),
                            "a rejected document is counted: " + where);
                    outcomes.merge(how + " -> rejected", 1, Integer::sum);
                }
                // The stream goes on under the serving model.
                h.observations.pipeInput(TopologyHarness.utf8("probe"),
                        TopologyHarness.utf8("{\"ts\":" + (ts += 60_000) + ",\"value\":" + Math.sin(i) + "}"));
                List<TestRecord<byte[], byte[]>> out = h.forecasts.readRecordsToList();
                assertEquals(1, out.size(), where);
                assertTrue(h.deadLetters.readRecordsToList().isEmpty(), where);
                JsonNode f = JSON.readTree(out.get(0).value());
                assertEquals(now, f.get("model_version").asInt(), where);
                for (JsonNode step : f.get("horizon")) {
                    assertTrue(step.get("mean").isNumber(), "finite forecasts under version " + now + ": " + f);
                }
            }
        }
        System.out.println("model document fuzz: " + outcomes);
    }

    private static String mutateBytes(String doc, Random rnd) {
        StringBuilder sb = new StringBuilder(doc);
        switch (rnd.nextInt(4)) {
            case 0 -> sb.setLength(rnd.nextInt(sb.length()));
            case 1 -> {
                for (int k = 1 + rnd.nextInt(5); k > 0; k--) {
                    sb.setCharAt(rnd.nextInt(sb.length()), (char) (32 + rnd.nextInt(95)));
                }
            }
            case 2 -> {
                int at = rnd.nextInt(sb.length());
                sb.delete(at, Math.min(sb.length(), at + 1 + rnd.nextInt(40)));
            }
            default -> sb.insert(rnd.nextInt(sb.length()), "\uFFFD\u0000\"{[");
        }
        return sb.toString();
    }

    /** Replaces one random node (anywhere: config, weights, metadata) with a hostile value; fixes the hash. */
    private static String mutateTree(String doc, Random rnd) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(doc);
        List<Object[]> slots = new ArrayList<>(); // {parent, field name or index}
        collect(root, slots, rnd);
        Object[] slot = slots.get(rnd.nextInt(slots.size()));
        JsonNode hostile = hostile(rnd);
        if (slot[0] instanceof ObjectNode o) {
            if (rnd.nextInt(6) == 0) {
                o.remove((String) slot[1]);
            } else {
                o.set((String) slot[1], hostile);
            }
        } else {
            ArrayNode a = (ArrayNode) slot[0];
            int index = (Integer) slot[1];
            if (rnd.nextInt(6) == 0 && a.size() > 0) {
                a.remove(index);
            } else {
                a.set(index, hostile);
            }
        }
        String text = JSON.writeValueAsString(root);
        try {
            ModelDocument.fromJson(text);
        } catch (RuntimeException e) {
            Matcher m = HASH.matcher(String.valueOf(e.getMessage()));
            if (m.find() && rnd.nextInt(8) != 0) { // mostly: make the damage reach the checks behind the hash
                root.put("contentHash", m.group(1));
                text = JSON.writeValueAsString(root);
            }
        }
        return text;
    }

    private static void collect(JsonNode node, List<Object[]> slots, Random rnd) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                slots.add(new Object[] {node, name});
                collect(node.get(name), slots, rnd);
            });
        } else if (node.isArray()) {
            // Long weight arrays: sample a few indices rather than listing every element.
            for (int k = 0; k < Math.min(node.size(), 3); k++) {
                int i = rnd.nextInt(node.size());
                slots.add(new Object[] {node, i});
                collect(node.get(i), slots, rnd);
            }
        }
    }

    private static JsonNode hostile(Random rnd) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (rnd.nextInt(16)) {
            case 0 -> f.nullNode();
            case 1 -> f.textNode("NaN");
            case 2 -> f.numberNode(-1);
            case 3 -> f.numberNode(0);
            case 4 -> f.numberNode(1e300);
            case 5 -> f.numberNode(1.5);
            case 6 -> f.textNode("x");
            case 7 -> f.arrayNode();
            case 8 -> f.objectNode();
            case 9 -> f.booleanNode(true);
            case 10 -> f.numberNode(Integer.MAX_VALUE);
            case 11 -> f.numberNode(new java.math.BigInteger("1" + "0".repeat(40)));
            case 12 -> f.arrayNode().add(1).add(2);
            case 13 -> f.numberNode(-1e-300);
            case 14 -> f.textNode("");
            default -> f.numberNode(rnd.nextGaussian() * 100);
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
    }
}
