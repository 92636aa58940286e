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

    /**
     * The integer at {@code key}, {@code fallback} when absent; anything but an integer from {@code min} to
     * {@code max} is an {@link IllegalArgumentException} naming the parameter, for a 400.
     */
    int intValue(String key, int fallback, int min, int max) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be an integer from " + min + " to " + max + ", got '" + v + "'");
    }
}
