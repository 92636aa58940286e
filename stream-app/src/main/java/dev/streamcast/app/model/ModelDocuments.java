package dev.streamcast.app.model;

import dev.streamcast.app.forecast.Normalisation;
import dev.streamcast.model.ModelDocument;
import dev.streamcast.model.ModelDocumentException;

import java.util.Map;

/**
 * Reads and checks the forecaster's model documents (the values of the {@code models} topic and {@code --model}
 * files): a model-core document whose metadata says which version it is, what it descends from and how its inputs
 * were normalised.
 */
public final class ModelDocuments {

    public static final String VERSION = "version";
    public static final String PARENT = "parent_version";
    public static final String NAME = "name";
    public static final String WINDOW = "window";
    public static final String NORMALISATION = "normalisation";
    /** {@code {"gain": g}}: the share (0..1) of the RNN's prediction added to the smoothing forecast. */
    public static final String CORRECTION = "correction";

    private ModelDocuments() {
    }

    /** Parses and validates; throws {@link InvalidModelException} saying what is wrong. */
    public static RnnModel parse(String json) {
        ModelDocument doc;
        try {
            doc = ModelDocument.fromJson(json);
        } catch (ModelDocumentException e) {
            throw new InvalidModelException("not a valid model document: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidModelException("not a valid model document: " + e, e);
        }
        return toServing(doc);
    }

    public static RnnModel toServing(ModelDocument doc) {
        Map<String, Object> meta = doc.metadata();
        int version = intField(meta, VERSION);
        if (version < 1) {
            throw new InvalidModelException("model version must be at least 1, got " + version);
        }
        int window = intField(meta, WINDOW);
        if (window < 1) {
            throw new InvalidModelException("model window must be at least 1, got " + window);
        }
        Object norm = meta.get(NORMALISATION);
        if (!(norm instanceof Map<?, ?> n) || !Normalisation.METHOD.equals(n.get("method"))) {
            throw new InvalidModelException("model normalisation must be {\"method\": \"" + Normalisation.METHOD
                    + "\"}, got " + norm);
        }
        Object corr = meta.get(CORRECTION);
        if (corr != null && (!(corr instanceof Map<?, ?> c) || !(c.get("gain") instanceof Number g)
                || !(g.doubleValue() >= 0) || !(g.doubleValue() <= 1))) {
            throw new InvalidModelException("model correction must be {\"gain\": 0..1}, got " + corr);
        }
        try {
            return new RnnModel(version, window, doc);
        } catch (RuntimeException e) {
            throw new InvalidModelException("model version " + version + " cannot serve: " + e.getMessage(), e);
        }
    }

    /** The correction gain of a serving model: 0 for the naive model, 1 for a document without a correction. */
    public static double correctionGain(ServingModel model) {
        ModelDocument doc = model.document();
        if (doc == null) {
            return 0.0;
        }
        Object corr = doc.metadata().get(CORRECTION);
        if (corr instanceof Map<?, ?> c && c.get("gain") instanceof Number g) {
            return g.doubleValue();
        }
        return 1.0;
    }

    public static int parentVersion(ServingModel model) {
        ModelDocument doc = model.document();
        if (doc == null) {
            return -1;
        }
        Object p = doc.metadata().get(PARENT);
        return p instanceof Number n ? n.intValue() : -1;
    }

    static int intField(Map<String, Object> meta, String name) {
        Object v = meta.get(name);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidModelException("model metadata field \"" + name + "\" must be an integer, got " + v);
        }
        return n.intValue();
    }
}
