package dev.streamcast.app.config;

/** One configuration key with its default and what it does (listed by {@code --help} and the README). */
public record Setting(String key, String defaultValue, String description) {

    /** The environment variable that sets this key, e.g. {@code STREAMCAST_TOPIC_OBSERVATIONS}. */
    public String envName() {
        return "STREAMCAST_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
}
