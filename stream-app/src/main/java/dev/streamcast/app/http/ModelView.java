package dev.streamcast.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamcast.app.model.ServingModel;

/** {@code /models/current}: the serving model's document, weights left out unless asked for. */
final class ModelView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelView() {
    }

    static Reply current(ServingModel model, Query query) {
        return Reply.json(200, json(model, query.flag("weights")));
    }

    static String json(ServingModel model, boolean weights) {
        if (model.document() == null) {
            return "{\"version\":" + model.version()
                    + ",\"kind\":\"smoothing\",\"note\":\"no trained model yet: forecasts are the per-series smoothing "
                    + "forecast alone, with no RNN correction\"}";
        }
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(model.document().toJson());
            doc.put("version", model.version());
            if (!weights) {
                doc.remove("weights");
            }
            return JSON.writeValueAsString(doc);
        } catch (Exception e) {
            throw new IllegalStateException("cannot render the model document", e);
        }
    }
}
