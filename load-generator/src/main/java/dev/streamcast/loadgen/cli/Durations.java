package dev.streamcast.loadgen.cli;

import java.time.Duration;
import java.util.Locale;

/** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT1M}). */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("p") || s.startsWith("-p")) {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        }
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d, PT1M)");
        }
        double n = Double.parseDouble(s.substring(0, i));
        String unit = s.substring(i).trim();
        double millis = switch (unit) {
            case "ms" -> n;
            case "", "s" -> n * 1000;
            case "m", "min" -> n * 60_000;
            case "h" -> n * 3_600_000;
            case "d" -> n * 86_400_000;
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "' in '" + text
                    + "' (use ms, s, m, h, d)");
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /** Compact display, e.g. {@code 1m30s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
