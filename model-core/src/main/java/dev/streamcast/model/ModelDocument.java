package dev.streamcast.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamcast.model.internal.Activation;
import dev.streamcast.model.internal.LayerConfig;
import dev.streamcast.model.internal.Network;
import dev.streamcast.model.internal.Param;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Versioned, self-describing model file: format id and version, layer config, weights (Keras names, shapes,
 * row-major data), training info (optimizer, loss), free-form metadata and a SHA-256 content hash over config and
 * weight bits. Doubles are written with Java's round-trip decimal form, so save then load is bit-exact.
 */
public final class ModelDocument {
    public static final String FORMAT = "streamcast-model";
    public static final int FORMAT_VERSION = 1;

    /** Sanity limits so a hostile document cannot make the loader allocate gigabytes. */
    static final int MAX_UNITS = 4096;
    static final int MAX_LAYERS = 64;
    static final long MAX_PARAMETERS = 50_000_000L;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int features;
    private final long seed;
    private final List<LayerConfig> layers;
    private final Map<String, double[]> weights;      // in model order
    private final Map<String, int[]> shapes;
    private final Optimizer optimizer;                 // null if not compiled
    private final Loss loss;                           // null if not compiled
    private final Map<String, Object> metadata;
    private final History lastFit;                     // null if the model was never fitted
    private final String contentHash;

    private ModelDocument(int features, long seed, List<LayerConfig> layers, Map<String, double[]> weights,
                          Map<String, int[]> shapes, Optimizer optimizer, Loss loss, Map<String, Object> metadata,
                          History lastFit) {
        this.features = features;
        this.seed = seed;
        this.layers = List.copyOf(layers);
        this.weights = weights;
        this.shapes = shapes;
        this.optimizer = optimizer;
        this.loss = loss;
        this.metadata = metadata;
        this.lastFit = lastFit;
        this.contentHash = hash(configNode(), weights, shapes);
    }

    /** Snapshot of the model's config and weights plus metadata (String, Number, Boolean, List, Map; may be null). */
    public static ModelDocument of(Sequential model, Map<String, Object> metadata) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        Map<String, Object> meta;
        try {
            JsonNode n = MAPPER.valueToTree(metadata == null ? Map.of() : metadata);
            meta = toMap(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metadata is not JSON-serialisable: " + e.getMessage(), e);
        }
        return new ModelDocument(model.inputFeatures(), model.seed(), model.layerConfigs(), model.weights(),
                model.weightShapes(), model.optimizer(), model.optimizer() == null ? null : model.loss(), meta,
                model.lastHistory());
    }

    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /** "sha256:" + hex digest over the canonical config JSON and the raw bits of every weight. */
    public String contentHash() {
        return contentHash;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    /** History of the last fit before the document was made (per-epoch loss/val loss, early stop), or null. */
    public History lastFit() {
        return lastFit;
    }

    /** Copies of the stored weights by Keras name. */
    public Map<String, double[]> weights() {
        Map<String, double[]> m = new LinkedHashMap<>();
        weights.forEach((k, v) -> m.put(k, v.clone()));
        return m;
    }

    /** A new model with exactly the stored weights; compiled (fresh optimizer state) if the document has training info. */
    public Sequential toModel() {
        Network net = new Network(features, layers);
        Sequential m = new Sequential(net, seed);
        m.setWeights(weights);
        if (optimizer != null) {
            m.compile(optimizer, loss);
        }
        m.lastHistory(lastFit);
        return m;
    }

    // ------------------------------------------------------------------ writing

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.set("config", configNode());
        ObjectNode training = root.putObject("training");
        if (optimizer != null) {
            ObjectNode o = training.putObject("optimizer");
            o.put("name", optimizer.name());
            ObjectNode h = o.putObject("hyperparameters");
            optimizer.hyperparameters().forEach(h::put);
            training.put("loss", loss.kerasName());
        } else {
            training.putNull("optimizer");
            training.putNull("loss");
        }
        if (lastFit != null) {
            ObjectNode f = training.putObject("lastFit");
            f.put("epochsRun", lastFit.epochsRun());
            ArrayNode l = f.putArray("loss");
            lastFit.loss().forEach(l::add);
            ArrayNode v = f.putArray("valLoss");
            lastFit.valLoss().forEach(v::add);
            f.put("stoppedEarly", lastFit.stoppedEarly());
            f.put("bestEpoch", lastFit.bestEpoch());
        } else {
            training.putNull("lastFit");
        }
        ArrayNode ws = root.putArray("weights");
        for (Map.Entry<String, double[]> e : weights.entrySet()) {
            ObjectNode w = ws.addObject();
            w.put("name", e.getKey());
            ArrayNode s = w.putArray("shape");
            for (int d : shapes.get(e.getKey())) {
                s.add(d);
            }
            ArrayNode data = w.putArray("data");
            for (double v : e.getValue()) {
                data.add(v);
            }
        }
        root.set("metadata", MAPPER.valueToTree(metadata));
        root.put("contentHash", contentHash);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise model document", e);
        }
    }

    private ObjectNode configNode() {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("features", features);
        c.put("seed", seed);
        ArrayNode ls = c.putArray("layers");
        for (LayerConfig l : layers) {
            ObjectNode n = ls.addObject();
            n.put("type", l.type.id);
            n.put("units", l.units);
            n.put("activation", l.activation.kerasName());
            if (l.type == LayerConfig.Type.GRU || l.type == LayerConfig.Type.LSTM) {
                n.put("recurrentActivation", l.recurrentActivation.kerasName());
            }
            if (l.type == LayerConfig.Type.GRU) {
                n.put("resetAfter", l.resetAfter);
            }
            if (l.recurrent()) {
                n.put("returnSequences", l.returnSequences);
            }
        }
        return c;
    }

    private static String hash(ObjectNode config, Map<String, double[]> weights, Map<String, int[]> shapes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(MAPPER.writeValueAsString(config).getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[8];
            for (Map.Entry<String, double[]> e : weights.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                for (int d : shapes.get(e.getKey())) {
                    putLong(md, buf, d);
                }
                for (double v : e.getValue()) {
                    putLong(md, buf, Double.doubleToLongBits(v));
                }
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash model document", e);
        }
    }

    private static void putLong(MessageDigest md, byte[] buf, long v) {
        for (int i = 0; i < 8; i++) {
            buf[i] = (byte) (v >>> (56 - 8 * i));
        }
        md.update(buf);
    }

    // ------------------------------------------------------------------ reading

    /** Parses and validates a document; any problem throws ModelDocumentException naming the offending field. */
    public static ModelDocument fromJson(String json) {
        if (json == null) {
            throw new ModelDocumentException("model document is null");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelDocumentException("model document is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelDocumentException("model document must be a JSON object");
        }
        String format = text(root, "format", "");
        if (!FORMAT.equals(format)) {
            throw new ModelDocumentException("field 'format' is '" + format + "', expected '" + FORMAT + "'");
        }
        int version = integer(root, "formatVersion", "");
        if (version != FORMAT_VERSION) {
            throw new ModelDocumentException("unsupported formatVersion " + version + "; this library reads version "
                    + FORMAT_VERSION);
        }
        JsonNode config = object(root, "config", "");
        int features = integer(config, "features", "config.");
        if (features <= 0 || features > MAX_UNITS) {
            throw new ModelDocumentException("config.features must be in 1.." + MAX_UNITS + ", got " + features);
        }
        long seed = config.has("seed") ? longValue(config, "seed", "config.") : 0L;
        JsonNode layersNode = config.get("layers");
        if (layersNode == null || !layersNode.isArray() || layersNode.isEmpty()) {
            throw new ModelDocumentException("config.layers must be a non-empty array");
        }
        if (layersNode.size() > MAX_LAYERS) {
            throw new ModelDocumentException("config.layers has " + layersNode.size() + " layers; at most " + MAX_LAYERS
                    + " are supported");
        }
        List<LayerConfig> layers = new ArrayList<>();
        long params = 0;
        int in = features;
        for (int i = 0; i < layersNode.size(); i++) {
            LayerConfig l = layer(layersNode.get(i), "config.layers[" + i + "].");
            int g = l.type == LayerConfig.Type.LSTM ? 4 : l.type == LayerConfig.Type.GRU ? 3 : 1;
            params += (long) g * l.units * (in + l.units + 2) + l.units;
            in = l.units;
            layers.add(l);
        }
        if (params > MAX_PARAMETERS) {
            throw new ModelDocumentException("config describes about " + params + " parameters; at most "
                    + MAX_PARAMETERS + " are supported");
        }
        Network net;
        try {
            net = new Network(features, layers);
        } catch (IllegalArgumentException e) {
            throw new ModelDocumentException("config is not a valid model: " + e.getMessage(), e);
        }
        Map<String, double[]> weights = readWeights(root, net);
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Param p : net.params) {
            shapes.put(p.name, p.shape.clone());
        }
        Optimizer opt = null;
        Loss loss = null;
        JsonNode training = root.get("training");
        if (training != null && training.isObject() && training.hasNonNull("optimizer")) {
            JsonNode o = object(training, "optimizer", "training.");
            Map<String, Double> hyper = new LinkedHashMap<>();
            JsonNode h = o.get("hyperparameters");
            if (h != null && h.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isNumber()) {
                        throw new ModelDocumentException("training.optimizer.hyperparameters." + e.getKey()
                                + " must be a number");
                    }
                    hyper.put(e.getKey(), e.getValue().doubleValue());
                }
            }
            try {
                opt = Optimizer.byName(text(o, "name", "training.optimizer."), hyper);
                loss = Loss.byName(text(training, "loss", "training."));
            } catch (IllegalArgumentException e) {
                throw new ModelDocumentException("training section is invalid: " + e.getMessage(), e);
            }
        }
        JsonNode metaNode = root.get("metadata");
        if (metaNode != null && !metaNode.isNull() && !metaNode.isObject()) {
            throw new ModelDocumentException("field 'metadata' must be a JSON object");
        }
        Map<String, Object> meta = metaNode == null || metaNode.isNull() ? Collections.emptyMap() : toMap(metaNode);
        History lastFit = null;
        if (training != null && training.isObject() && training.hasNonNull("lastFit")) {
            lastFit = history(object(training, "lastFit", "training."));
        }
        ModelDocument doc = new ModelDocument(features, seed, layers, weights, shapes, opt, loss, meta, lastFit);
        String stored = text(root, "contentHash", "");
        if (!stored.equals(doc.contentHash)) {
            throw new ModelDocumentException("contentHash mismatch: document says " + stored + " but config and weights"
                    + " hash to " + doc.contentHash + " (the file was modified or corrupted)");
        }
        return doc;
    }

    private static History history(JsonNode f) {
        List<Double> loss = numbers(f.get("loss"), "training.lastFit.loss");
        List<Double> val = numbers(f.get("valLoss"), "training.lastFit.valLoss");
        boolean stopped = bool(f, "stoppedEarly", "training.lastFit.");
        int best = integer(f, "bestEpoch", "training.lastFit.");
        return new History(loss, val, stopped, best);
    }

    private static List<Double> numbers(JsonNode a, String where) {
        if (a == null || !a.isArray()) {
            throw new ModelDocumentException("field '" + where + "' must be an array of numbers");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isNumber()) {
                throw new ModelDocumentException("field '" + where + "'[" + i + "] must be a number, got " + a.get(i));
            }
            out.add(a.get(i).doubleValue());
        }
        return out;
    }

    private static LayerConfig layer(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new ModelDocumentException(where.substring(0, where.length() - 1) + " must be an object");
        }
        String typeId = text(n, "type", where);
        LayerConfig.Type type;
        try {
            type = LayerConfig.Type.byId(typeId);
        } catch (IllegalArgumentException e) {
            throw new ModelDocumentException(where + "type: " + e.getMessage());
        }
        int units = integer(n, "units", where);
        if (units <= 0 || units > MAX_UNITS) {
            throw new ModelDocumentException(where + "units must be in 1.." + MAX_UNITS + ", got " + units);
        }
        Activation act = activation(n, "activation", where);
        Activation rec = null;
        boolean resetAfter = false;
        boolean returnSequences = false;
        if (type == LayerConfig.Type.GRU || type == LayerConfig.Type.LSTM) {
            rec = activation(n, "recurrentActivation", where);
        }
        if (type == LayerConfig.Type.GRU) {
            resetAfter = bool(n, "resetAfter", where);
        }
        if (type != LayerConfig.Type.DENSE) {
            returnSequences = bool(n, "returnSequences", where);
        }
        return new LayerConfig(type, units, act, rec, resetAfter, returnSequences);
    }

    private static Map<String, double[]> readWeights(JsonNode root, Network net) {
        JsonNode ws = root.get("weights");
        if (ws == null || !ws.isArray()) {
            throw new ModelDocumentException("field 'weights' must be an array of {name, shape, data}");
        }
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (int i = 0; i < ws.size(); i++) {
            JsonNode w = ws.get(i);
            if (!w.isObject()) {
                throw new ModelDocumentException("weights[" + i + "] must be an object");
            }
            String name = text(w, "name", "weights[" + i + "].");
            if (byName.put(name, w) != null) {
                throw new ModelDocumentException("weight '" + name + "' appears twice");
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Param p : net.params) {
            JsonNode w = byName.remove(p.name);
            if (w == null) {
                throw new ModelDocumentException("missing weight '" + p.name + "' (shape " + p.shapeString()
                        + ") required by the config");
            }
            JsonNode shape = w.get("shape");
            int[] s = new int[shape == null || !shape.isArray() ? 0 : shape.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = shape.get(i).asInt(-1);
            }
            if (!java.util.Arrays.equals(s, p.shape)) {
                throw new ModelDocumentException("weight '" + p.name + "' has shape " + java.util.Arrays.toString(s)
                        + " but the config needs " + p.shapeString());
            }
            JsonNode data = w.get("data");
            if (data == null || !data.isArray() || data.size() != p.size()) {
                throw new ModelDocumentException("weight '" + p.name + "' needs " + p.size() + " data values, got "
                        + (data == null || !data.isArray() ? "none" : data.size()));
            }
            double[] v = new double[p.size()];
            for (int i = 0; i < v.length; i++) {
                JsonNode d = data.get(i);
                if (!d.isNumber() || !Double.isFinite(d.doubleValue())) {
                    throw new ModelDocumentException("weight '" + p.name + "' data[" + i + "] is not a finite number: "
                            + d);
                }
                v[i] = d.doubleValue();
            }
            out.put(p.name, v);
        }
        if (!byName.isEmpty()) {
            throw new ModelDocumentException("unexpected weight(s) " + byName.keySet() + " not used by the config");
        }
        return out;
    }

    private static Map<String, Object> toMap(JsonNode n) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = MAPPER.convertValue(n, LinkedHashMap.class);
        return Collections.unmodifiableMap(m);
    }

    private static JsonNode object(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new ModelDocumentException("field '" + where + field + "' must be a JSON object");
        }
        return v;
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new ModelDocumentException("field '" + where + field + "' must be a string"
                    + (v == null ? " (missing)" : ", got " + v));
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isInt()) {
            throw new ModelDocumentException("field '" + where + field + "' must be an integer"
                    + (v == null ? " (missing)" : ", got " + v));
        }
        return v.intValue();
    }

    private static long longValue(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new ModelDocumentException("field '" + where + field + "' must be an integer, got " + v);
        }
        return v.longValue();
    }

    private static boolean bool(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new ModelDocumentException("field '" + where + field + "' must be true or false"
                    + (v == null ? " (missing)" : ", got " + v));
        }
        return v.booleanValue();
    }

    private static Activation activation(JsonNode n, String field, String where) {
        String name = text(n, field, where);
        try {
            return Activation.byName(name);
        } catch (IllegalArgumentException e) {
            throw new ModelDocumentException(where + field + ": " + e.getMessage());
        }
    }
}
