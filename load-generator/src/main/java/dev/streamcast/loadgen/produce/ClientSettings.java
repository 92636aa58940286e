package dev.streamcast.loadgen.produce;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings applied to every Kafka client the tool creates (producer, consumer, admin, the baseline's Streams app):
 * the bootstrap servers plus extra standard client properties (security.protocol, sasl.*, ssl.*, ...), passed
 * through unchanged. Extras override the tool's own defaults. Values are never printed: {@link #describe()} names
 * the keys only.
 */
public final class ClientSettings {

    private final String bootstrapServers;
    private final Map<String, String> extra;

    public ClientSettings(String bootstrapServers, Map<String, String> extra) {
        this.bootstrapServers = bootstrapServers;
        this.extra = Map.copyOf(extra);
    }

    /** Reads {@code file} (Java properties, may be null), then applies {@code overrides} on top. */
    public static ClientSettings load(String bootstrapServers, Path file, Map<String, String> overrides)
            throws IOException {
        Map<String, String> extra = new TreeMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> extra.put(k, p.getProperty(k)));
        }
        extra.putAll(overrides);
        return new ClientSettings(bootstrapServers, extra);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The extra properties (for handing to a client; never print them). */
    public Map<String, String> extra() {
        return extra;
    }

    /** {@code defaults}, then bootstrap servers, then the extras on top. */
    public Properties with(Map<String, Object> defaults) {
        Properties p = new Properties();
        p.putAll(defaults);
        p.put("bootstrap.servers", bootstrapServers);
        p.putAll(extra);
        if (extra.containsKey("bootstrap.servers")) {
            p.put("bootstrap.servers", extra.get("bootstrap.servers"));
        }
        return p;
    }

    /**
     * A consumer of raw bytes named {@code clientId}, committing no offsets (the tool seeks where it reads), with
     * {@code more} on top.
     */
    public Properties byteConsumer(String clientId, Map<String, Object> more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("client.id", clientId);
        d.put("key.deserializer", ByteArrayDeserializer.class.getName());
        d.put("value.deserializer", ByteArrayDeserializer.class.getName());
        d.put("enable.auto.commit", "false");
        d.putAll(more);
        return with(d);
    }

    /** A safe one-line description: bootstrap servers and the names (not values) of the extra properties. */
    public String describe() {
        return bootstrapServers + (extra.isEmpty() ? "" : " with client properties " + extra.keySet());
    }

    /** True for property names whose values must never be shown. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token")
                || k.contains("credential") || k.endsWith(".key") || k.contains("key.pem") || k.contains("keystore.key");
    }
}
