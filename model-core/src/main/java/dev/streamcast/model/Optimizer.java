package dev.streamcast.model;

import dev.streamcast.model.internal.Updater;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An optimizer description with Keras 3 names and defaults. Immutable; {@link Sequential#compile} creates fresh
 * optimizer state from it. Hyperparameter keys: learning_rate, rho, momentum, epsilon, beta_1, beta_2, clipnorm,
 * global_clipnorm, nesterov (0/1), centered (0/1), each only where Keras accepts it.
 */
public final class Optimizer {
    private static final Map<String, Map<String, Double>> DEFAULTS = new LinkedHashMap<>();

    static {
        Map<String, Double> sgd = new LinkedHashMap<>();
        sgd.put("learning_rate", 0.01);
        sgd.put("momentum", 0.0);
        sgd.put("nesterov", 0.0);
        DEFAULTS.put("sgd", sgd);
        Map<String, Double> rms = new LinkedHashMap<>();
        rms.put("learning_rate", 0.001);
        rms.put("rho", 0.9);
        rms.put("momentum", 0.0);
        rms.put("epsilon", 1e-7);
        rms.put("centered", 0.0);
        DEFAULTS.put("rmsprop", rms);
        Map<String, Double> adam = new LinkedHashMap<>();
        adam.put("learning_rate", 0.001);
        adam.put("beta_1", 0.9);
        adam.put("beta_2", 0.999);
        adam.put("epsilon", 1e-7);
        DEFAULTS.put("adam", adam);
        // tfjs's Adam (epsilon added to the bias-corrected sqrt(v)); kept for comparison with tfjs only
        DEFAULTS.put("adam_tfjs", new LinkedHashMap<>(adam));
    }

    private static final Set<String> CLIP_KEYS = Set.of("clipnorm", "global_clipnorm");

    private final String name;
    private final Map<String, Double> hyper;

    private Optimizer(String name, Map<String, Double> hyper) {
        this.name = name;
        this.hyper = Collections.unmodifiableMap(hyper);
    }

    public static Optimizer sgd() {
        return byName("sgd", Map.of());
    }

    public static Optimizer sgd(double learningRate) {
        return byName("sgd", Map.of("learning_rate", learningRate));
    }

    public static Optimizer rmsprop() {
        return byName("rmsprop", Map.of());
    }

    public static Optimizer rmsprop(double learningRate) {
        return byName("rmsprop", Map.of("learning_rate", learningRate));
    }

    public static Optimizer adam() {
        return byName("adam", Map.of());
    }

    public static Optimizer adam(double learningRate) {
        return byName("adam", Map.of("learning_rate", learningRate));
    }

    /**
     * Builds "sgd", "rmsprop", "adam" (or "adam_tfjs") with Keras defaults overridden by hyper (may be null/empty).
     * Unknown names, unknown keys, null or out-of-range values throw IllegalArgumentException.
     */
    public static Optimizer byName(String name, Map<String, Double> hyper) {
        if (name == null) {
            throw new IllegalArgumentException("optimizer name must not be null; expected sgd, rmsprop or adam");
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        Map<String, Double> defaults = DEFAULTS.get(key);
        if (defaults == null) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; expected sgd, rmsprop or adam");
        }
        Map<String, Double> resolved = new LinkedHashMap<>(defaults);
        if (hyper != null) {
            for (Map.Entry<String, Double> e : hyper.entrySet()) {
                String k = e.getKey();
                if (k == null || !(defaults.containsKey(k) || CLIP_KEYS.contains(k))) {
                    throw new IllegalArgumentException("unknown hyperparameter '" + k + "' for optimizer " + key
                            + "; allowed: " + String.join(", ", defaults.keySet()) + ", clipnorm, global_clipnorm");
                }
                Double v = e.getValue();
                if (v == null || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("hyperparameter " + k + " of " + key
                            + " must be a finite number, got " + v);
                }
                resolved.put(k, v);
            }
        }
        validate(key, resolved);
        return new Optimizer(key, resolved);
    }

    private static void validate(String name, Map<String, Double> h) {
        for (Map.Entry<String, Double> e : h.entrySet()) {
            String k = e.getKey();
            double v = e.getValue();
            boolean ok;
            switch (k) {
                case "learning_rate":
                case "clipnorm":
                case "global_clipnorm":
                    ok = v > 0;
                    break;
                case "rho":
                case "beta_1":
                case "beta_2":
                    ok = v >= 0 && v < 1;
                    break;
                case "momentum":
                    ok = v >= 0 && v <= 1;
                    break;
                case "epsilon":
                    ok = v >= 0;
                    break;
                default:   // nesterov, centered flags
                    ok = v == 0.0 || v == 1.0;
            }
            if (!ok) {
                throw new IllegalArgumentException("hyperparameter " + k + " = " + v + " is out of range for " + name);
            }
        }
    }

    /** Lower-case Keras name: sgd, rmsprop, adam (or adam_tfjs). */
    public String name() {
        return name;
    }

    /** All hyperparameters with defaults filled in (insertion-ordered, unmodifiable). */
    public Map<String, Double> hyperparameters() {
        return hyper;
    }

    Updater newUpdater() {
        Updater.Kind kind;
        switch (name) {
            case "sgd":
                kind = Updater.Kind.SGD;
                break;
            case "rmsprop":
                kind = Updater.Kind.RMSPROP;
                break;
            case "adam":
                kind = Updater.Kind.ADAM;
                break;
            default:
                kind = Updater.Kind.ADAM_TFJS;
        }
        return new Updater(kind, get("learning_rate"), get("rho"), get("momentum"), get("nesterov") != 0.0,
                get("centered") != 0.0, get("epsilon"), get("beta_1"), get("beta_2"), get("clipnorm"),
                get("global_clipnorm"));
    }

    private double get(String k) {
        Double v = hyper.get(k);
        return v == null ? 0.0 : v;
    }

    @Override
    public String toString() {
        return name + hyper;
    }
}
