package dev.streamcast.app.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The query string of a request as a small map (first value wins); malformed escapes make it empty. */
final class Query {

    private final Map<String, String> values;

    private Query(Map<String, String> values) {
        this.values = values;
    }

    static Query parse(String raw) {
        Map<String, String> v = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return new Query(v);
        }
        try {
            for (String pair : raw.split("&", 32)) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String val = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                v.putIfAbsent(k, val);
            }
        } catch (IllegalArgumentException e) {
            v.clear();
        }
        return new Query(v);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    boolean flag(String key) {
        return "true".equals(values.get(key));
    }

    int intValue(String key, int fallback, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(values.getOrDefault(key, "x"))));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
