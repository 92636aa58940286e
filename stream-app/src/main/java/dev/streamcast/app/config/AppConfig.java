package dev.streamcast.app.config;

import dev.streamcast.app.forecast.ForecastSettings;
import dev.streamcast.app.forecast.SeriesPeriods;
import dev.streamcast.app.topology.DecodedStateBudget;
import dev.streamcast.app.topology.TopologySettings;
import dev.streamcast.app.training.TrainerSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The application's configuration: defaults, then a properties file, then {@code STREAMCAST_*} environment
 * variables, then command-line overrides, each later one winning. Kafka client settings (e.g.
 * {@code security.protocol}, {@code sasl.jaas.config}, {@code producer.linger.ms}) pass through unchanged.
 */
public final class AppConfig {

    private static final Logger LOG = LoggerFactory.getLogger(AppConfig.class);
    private static final Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final Set<String> SECRET_WORDS =
            Set.of("password", "jaas", "secret", "token", "key", "credential", "private");

    private final Map<String, String> values;

    private AppConfig(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Loads the settings. A key set in the file or with --set that nothing reads is refused when it is under the
     * forecaster's own namespaces or within a typo of one of its keys ({@code forecast.horizn}), and warned about
     * otherwise (a Kafka setting this Kafka version does not know); from the environment it is only warned about.
     */
    public static AppConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Setting s : Settings.ALL) {
            v.put(s.key(), s.defaultValue());
        }
        Map<String, String> origin = new LinkedHashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().forEach(k -> {
                v.put(k.trim(), p.getProperty(k).trim());
                origin.put(k.trim(), "in " + file);
            });
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("STREAMCAST_")) {
                String key = e.getKey().substring("STREAMCAST_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
                v.put(key, e.getValue());
                origin.put(key, "from " + e.getKey());
            }
        }
        v.putAll(overrides);
        overrides.keySet().forEach(k -> origin.put(k, "from --set"));
        origin.forEach((key, where) -> {
            boolean misspelt = SettingNames.misspeltOwn(key);
            if (!misspelt && !SettingNames.unknown(key)) {
                return;
            }
            String problem = SettingNames.describe(key, where);
            // The environment holds variables the user did not write for us (Kubernetes' service links:
            // STREAMCAST_HTTP_SERVICE_HOST), so only what was set for the forecaster on purpose is refused.
            boolean chosen = !where.startsWith("from STREAMCAST_");
            if (chosen && (misspelt || SettingNames.ownNamespace(key))) {
                throw new IllegalArgumentException(problem);
            }
            if (WARNED.add(key + " " + where)) { // run loads twice: say it once
                LOG.warn("{}; it is {}", problem, SettingNames.kafka(key) ? "passed to Kafka" : "ignored");
            }
        });
        return new AppConfig(v);
    }

    public static AppConfig defaults() {
        return load(null, Map.of(), Map.of());
    }

    public AppConfig with(String key, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(key, value);
        return new AppConfig(v);
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing setting " + key);
        }
        return v;
    }

    /** The value of {@code key}, or empty when it is not set (for optional settings without a default). */
    public java.util.Optional<String> find(String key) {
        return java.util.Optional.ofNullable(values.get(key));
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + get(key) + "'");
        }
    }

    public long getLong(String key) {
        try {
            return Long.parseLong(get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + get(key) + "'");
        }
    }

    public double getDouble(String key) {
        try {
            return Double.parseDouble(get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + get(key) + "'");
        }
    }

    public boolean getBoolean(String key) {
        String v = get(key).trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, got '" + get(key) + "'");
        }
        return v.equals("true");
    }

    public ForecastSettings forecast() {
        return new ForecastSettings(getInt("forecast.horizon"), getDouble("forecast.interval.level"),
                getInt("forecast.window"), getInt("forecast.error.window"),
                getBoolean("retrain.enabled") ? getInt("retrain.sample.every") : 0,
                ForecastSettings.parsePeriod(get("forecast.season.period")), getDouble("forecast.season.gamma"),
                getInt("forecast.smoothing.top"), getInt("forecast.smoothing.memory"),
                getInt("retrain.sample.dense.points"), getBoolean("forecast.smoothing.log"),
                getBoolean("forecast.change.ar"), SeriesPeriods.parse(get("forecast.season.period.series")));
    }

    /** {@code state.decoded.series}: a count, or auto (an eighth of the heap). */
    public DecodedStateBudget decodedStates() {
        String v = get("state.decoded.series").trim();
        if (v.equalsIgnoreCase("auto")) {
            return DecodedStateBudget.ofHeapShare(1.0 / 8);
        }
        int n = getInt("state.decoded.series");
        if (n < 0) {
            throw new IllegalArgumentException("state.decoded.series must be auto or >= 0, got " + n);
        }
        return DecodedStateBudget.of(n);
    }

    public TopologySettings topology() {
        return new TopologySettings(get("topic.observations"), get("topic.forecasts"), get("topic.dlq"),
                get("topic.models"), get("topic.training"), get("model.name"), getInt("input.max.bytes"), forecast());
    }

    public TrainerSettings trainer() {
        return new TrainerSettings(get("model.cell"), getInt("model.units"), getInt("retrain.epochs"),
                getInt("retrain.batch.size"), getDouble("retrain.learning.rate"),
                getDouble("retrain.holdout.fraction"), getLong("retrain.seed"), getInt("retrain.min.samples"),
                getInt("retrain.every.samples"), getInt("retrain.reservoir"), getLong("retrain.min.interval.ms"));
    }

    /** Settings for every Kafka client: the bootstrap servers plus everything Kafka itself recognises. */
    public Map<String, Object> kafkaClientProps() {
        Map<String, Object> out = new HashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (SettingNames.kafka(e.getKey()) && !isOurs(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        out.put("bootstrap.servers", get("bootstrap.servers"));
        return out;
    }

    /**
     * The settings every plain client (the trainer's consumer and producer, the admin client) takes: each key from
     * {@link #kafkaClientProps()} that producers, consumers and admin clients all recognise, so every client security
     * setting ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}, {@code security.providers}) and connection
     * setting ({@code client.dns.lookup}, timeouts, ...) passes through unchanged; {@code client.id} is left to
     * each client.
     */
    public Map<String, Object> plainClientProps() {
        Set<String> common = new java.util.HashSet<>(ProducerConfig.configNames());
        common.retainAll(ConsumerConfig.configNames());
        common.retainAll(AdminClientConfig.configNames());
        common.remove(CommonClientConfigs.CLIENT_ID_CONFIG);
        Map<String, Object> out = new HashMap<>();
        for (Map.Entry<String, Object> e : kafkaClientProps().entrySet()) {
            if (common.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static boolean isOurs(String key) {
        return Settings.ALL.stream().anyMatch(s -> s.key().equals(key))
                && !key.equals("bootstrap.servers") && !key.equals("application.id")
                && !key.equals("processing.guarantee") && !key.equals("num.stream.threads")
                && !key.equals("num.standby.replicas") && !key.equals("state.dir");
    }

    /** All values, secrets masked, sorted: safe to log or show. */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, isSecret(k) ? "[hidden]" : v));
        return out;
    }

    /** True for keys whose values are never shown: passwords, JAAS lines, secrets, tokens, keys, credentials. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(k::contains) && !k.endsWith(".type") && !k.endsWith(".algorithm");
    }
}
