package dev.streamcast.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.app.model.NaiveModel;
import dev.streamcast.app.model.RnnModel;
import dev.streamcast.model.Layers;
import dev.streamcast.model.ModelDocument;
import dev.streamcast.model.Sequential;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void weightsOnlyWhenAskedFor() throws Exception {
        Sequential net = Sequential.builder(1).add(Layers.gru(4)).add(Layers.dense(1)).seed(1).build();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(ModelDocuments.NAME, "forecaster");
        meta.put(ModelDocuments.VERSION, 3);
        meta.put(ModelDocuments.PARENT, 2);
        meta.put(ModelDocuments.WINDOW, 24);
        meta.put(ModelDocuments.NORMALISATION, Map.of("method", dev.streamcast.app.forecast.Normalisation.METHOD));
        RnnModel model = ModelDocuments.toServing(ModelDocument.of(net, meta));

        JsonNode plain = JSON.readTree(ModelView.current(model, Query.parse(null)).body());
        assertEquals(3, plain.get("version").asInt());
        assertFalse(plain.has("weights"));
        assertTrue(plain.has("config") && plain.has("metadata") && plain.has("contentHash"));

        JsonNode full = JSON.readTree(ModelView.current(model, Query.parse("weights=true")).body());
        assertTrue(full.get("weights").size() > 0);
        assertFalse(JSON.readTree(ModelView.current(model, Query.parse("weights=yes")).body()).has("weights"));
    }

    @Test
    void beforeTheFirstModelItSaysTheForecastIsTheSmoothingAlone() throws Exception {
        JsonNode naive = JSON.readTree(ModelView.current(NaiveModel.INSTANCE, Query.parse("")).body());
        assertEquals(0, naive.get("version").asInt());
        assertEquals("smoothing", naive.get("kind").asText());
        assertTrue(naive.get("note").asText().contains("smoothing forecast alone"));
    }
}
