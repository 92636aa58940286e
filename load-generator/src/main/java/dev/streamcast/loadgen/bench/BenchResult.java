package dev.streamcast.loadgen.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's verdict, printed as one JSON object (the last line of stdout). Field names are part of the outside
 * contract: {@code sent, forecasts, seconds, throughput_per_s, latency_ms{p50,p99,max}, dlq}.
 */
public final class BenchResult {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public BenchResult put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** The fields in order, for nesting one result in another. */
    public Map<String, Object> fields() {
        return new LinkedHashMap<>(fields);
    }

    public Object get(String name) {
        return fields.get(name);
    }

    /** Latency summary in milliseconds from a histogram of microseconds. */
    public static Map<String, Object> latency(Histogram micros) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", micros.getTotalCount());
        m.put("p50", ms(micros.getValueAtPercentile(50)));
        m.put("p90", ms(micros.getValueAtPercentile(90)));
        m.put("p99", ms(micros.getValueAtPercentile(99)));
        m.put("p999", ms(micros.getValueAtPercentile(99.9)));
        m.put("max", ms(micros.getMaxValue()));
        m.put("mean", ms(micros.getMean()));
        return m;
    }

    private static Number ms(double micros) {
        return Math.round(micros) / 1000.0;
    }

    public String json() {
        StringBuilder b = new StringBuilder(512);
        write(b, fields);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(b, String.valueOf(e.getKey()));
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof Double d) {
            b.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v == null) {
            b.append("null");
        } else {
            string(b, v.toString());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
