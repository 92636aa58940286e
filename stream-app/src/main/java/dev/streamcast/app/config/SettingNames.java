package dev.streamcast.app.config;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which setting keys are read, and by whom: the forecaster's own, Kafka's (passed to its clients), or nobody's (a
 * misspelt {@code forecast.horizn}, which would otherwise be ignored without a word).
 */
final class SettingNames {

    /**
     * First segments of the forecaster's own keys that Kafka does not share: an unknown key under one of them can
     * only be a mistake. ({@code topic.} is Kafka Streams' prefix for its internal topics' settings too.)
     */
    private static final Set<String> OWN_NAMESPACES =
            Set.of("forecast", "retrain", "model", "http", "input", "rocksdb", "state");
    /** Prefixes under which Kafka Streams hands settings on to a client or an internal topic. */
    private static final List<String> KAFKA_PREFIXES = List.of("producer.", "consumer.", "admin.", "main.consumer.",
            "restore.consumer.", "global.consumer.", "ssl.", "sasl.");

    private static final Set<String> OURS = new HashSet<>();
    private static final Set<String> KAFKA = new HashSet<>();

    static {
        Settings.ALL.forEach(s -> OURS.add(s.key()));
        KAFKA.addAll(StreamsConfig.configDef().names());
        KAFKA.addAll(ProducerConfig.configNames());
        KAFKA.addAll(ConsumerConfig.configNames());
        KAFKA.addAll(AdminClientConfig.configNames());
    }

    private SettingNames() {
    }

    /**
     * True for a key Kafka reads: a Streams, producer, consumer or admin setting, one of them behind a client prefix
     * ({@code producer.}, ...), or any {@code topic.} key but the forecaster's own, which Kafka Streams hands to its
     * internal topics ({@code topic.segment.bytes}, broker or vendor topic settings alike).
     */
    static boolean kafka(String key) {
        return KAFKA.contains(key) || KAFKA_PREFIXES.stream().anyMatch(key::startsWith)
                || key.startsWith("topic.") && !OURS.contains(key);
    }

    /** True for a key that is not the forecaster's but within a typo of one of its keys ({@code topic.observatons}). */
    static boolean misspeltOwn(String key) {
        if (OURS.contains(key) || KAFKA.contains(key)) {
            return false;
        }
        return OURS.stream().anyMatch(k -> distance(key, k) <= typos(key));
    }

    /** True when nothing reads {@code key}. */
    static boolean unknown(String key) {
        return !OURS.contains(key) && !kafka(key);
    }

    /** True for an unknown key under one of the forecaster's own namespaces ({@code forecast.}, {@code http.}, ...). */
    static boolean ownNamespace(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && OWN_NAMESPACES.contains(key.substring(0, dot));
    }

    /** What to tell the user about an unknown {@code key} set {@code where}: the nearest known key, if one is near. */
    static String describe(String key, String where) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>(OURS);
        candidates.addAll(KAFKA);
        for (String k : candidates) {
            int d = distance(key, k);
            if (d < best || d == best && OURS.contains(k)) {
                best = d;
                nearest = k;
            }
        }
        String hint = nearest != null && best <= typos(key) ? "; did you mean " + nearest + "?" : "";
        return "unknown setting '" + key + "' " + where + hint + " ('run --help' lists the forecaster's settings)";
    }

    /** How many edits away a key may be from another to count as a typo of it. */
    private static int typos(String key) {
        return Math.max(2, key.length() / 5);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
