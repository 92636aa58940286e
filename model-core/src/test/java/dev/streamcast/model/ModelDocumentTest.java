package dev.streamcast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelDocumentTest {

    private static Sequential trained(String cell) {
        Sequential m = TestData.model(cell, 1, 8, 1, false, 9);
        m.compile(Optimizer.adam(0.01), Loss.MSE);
        m.fit(TestData.sineX(64, 12, 1), TestData.sineY(64, 12, 1), FitOptions.builder().epochs(2).seed(1).build());
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"simpleRnn", "gruAfter", "gruBefore", "lstm"})
    void roundTripIsBitExact(String cell) {
        Sequential m = trained(cell);
        Map<String, Object> meta = Map.of("epochs", 2, "series", "sine", "tags", List.of("a", "b"));
        ModelDocument doc = ModelDocument.of(m, meta);
        String json = doc.toJson();
        ModelDocument doc2 = ModelDocument.fromJson(json);
        assertEquals(doc.contentHash(), doc2.contentHash());
        assertTrue(doc.contentHash().startsWith("sha256:"));
        assertEquals(1, doc2.formatVersion());
        assertEquals(2, ((Number) doc2.metadata().get("epochs")).intValue());
        assertEquals(List.of("a", "b"), doc2.metadata().get("tags"));
        Sequential m2 = doc2.toModel();
        Map<String, double[]> w1 = m.weights();
        Map<String, double[]> w2 = m2.weights();
        assertEquals(w1.keySet(), w2.keySet());
        for (String k : w1.keySet()) {
            double[] a = w1.get(k);
            double[] b = w2.get(k);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), k + "[" + i + "]");
            }
        }
        double[][][] x = TestData.randomX(5, 4, 10, 1);
        double[][] p1 = m.predict(x);
        double[][] p2 = m2.predict(x);
        for (int i = 0; i < p1.length; i++) {
            assertArrayEquals(p1[i], p2[i], 0.0);
        }
        assertEquals(json, ModelDocument.of(m2, meta).toJson(), "save -> load -> save is stable");
        assertEquals("adam", m2.optimizer().name());
        assertEquals(m.lastHistory().loss(), doc2.lastFit().loss(), "training history travels with the document");
        assertEquals(2, m2.lastHistory().epochsRun());
    }

    @Test
    void hashIsDeterministicAndSensitive() {
        Sequential a = TestData.model("lstm", 1, 4, 1, false, 1);
        Sequential b = TestData.model("lstm", 1, 4, 1, false, 1);
        assertEquals(ModelDocument.of(a, null).contentHash(), ModelDocument.of(b, Map.of("x", 1)).contentHash());
        double[] k = a.weights().get("dense/bias");
        k[0] = Math.nextUp(k[0]);
        a.setWeight("dense/bias", k);
        assertNotEquals(ModelDocument.of(a, null).contentHash(), ModelDocument.of(b, null).contentHash());
    }

    private static String json() {
        return ModelDocument.of(TestData.model("gruAfter", 1, 2, 1, false, 3), Map.of("k", "v")).toJson();
    }

    private static void rejects(String doc, String expectedFragment) {
        ModelDocumentException e = assertThrows(ModelDocumentException.class, () -> ModelDocument.fromJson(doc));
        assertTrue(e.getMessage().contains(expectedFragment), "message was: " + e.getMessage());
    }

    @Test
    void malformedDocumentsFailWithPreciseMessages() {
        String ok = json();
        rejects("{not json", "not valid JSON");
        rejects("[1,2]", "must be a JSON object");
        rejects(ok.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7"), "unsupported formatVersion 7");
        rejects(ok.replace("\"format\" : \"streamcast-model\"", "\"format\" : \"keras\""), "'format'");
        rejects(ok.replace("\"type\" : \"gru\"", "\"type\" : \"conv1d\""), "unknown layer type 'conv1d'");
        rejects(ok.replace("\"activation\" : \"tanh\"", "\"activation\" : \"swish\""), "unknown activation 'swish'");
        rejects(ok.replace("\"resetAfter\" : true", "\"resetAfter\" : false"), "'rnn/bias' has shape [2, 6]");
        rejects(ok.replace("\"name\" : \"dense/bias\"", "\"name\" : \"dense/bias2\""), "missing weight 'dense/bias'");
        rejects(ok.replace("\"contentHash\" : \"sha256:", "\"contentHash\" : \"sha256:00"), "contentHash mismatch");
        // tamper with one weight value: only the hash can notice
        int i = ok.indexOf("\"data\" : [ ") + 11;
        String tampered = ok.substring(0, i) + "0.123456789, " + ok.substring(ok.indexOf(',', i) + 2);
        rejects(tampered, "contentHash mismatch");
        rejects(ok.replaceFirst("\"units\" : 2", "\"units\" : 3"), "has shape");
        rejects(ok.replaceFirst("\"features\" : 1", "\"features\" : \"one\""), "config.features' must be an integer");
        rejects(ok.replaceFirst("\"units\" : 2", "\"units\" : 2000000000"), "units must be in 1..4096");
        rejects(ok.replace("\"weights\" : [", "\"weights\" : 5, \"x\" : ["), "'weights' must be an array");
    }

    /** Random damage (character edits) must only ever produce ModelDocumentException, never another exception. */
    @Test
    void damagedDocumentsOnlyThrowModelDocumentException() {
        String ok = json();
        dev.streamcast.model.internal.SplitMix64 r = new dev.streamcast.model.internal.SplitMix64(5);
        String alphabet = "{}[]:,\"0123456789.-eE truefalsnul";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder(ok);
            int edits = 1 + r.below(3);
            for (int e = 0; e < edits; e++) {
                int at = r.below(sb.length());
                switch (r.below(3)) {
                    case 0:
                        sb.deleteCharAt(at);
                        break;
                    case 1:
                        sb.insert(at, alphabet.charAt(r.below(alphabet.length())));
                        break;
                    default:
                        sb.setCharAt(at, alphabet.charAt(r.below(alphabet.length())));
                }
            }
            try {
                ModelDocument.fromJson(sb.toString());
            } catch (ModelDocumentException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            }
        }
    }
}
