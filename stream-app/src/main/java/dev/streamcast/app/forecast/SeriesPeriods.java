package dev.streamcast.app.forecast;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Season lengths configured for some series ({@code forecast.season.period.series}), for a topic whose series have
 * different cycles at the same spacing: hourly sensors with a daily cycle beside hourly prices with none, say
 * {@code sensor-*=24,price-*=0}. A comma-separated list of {@code PATTERN=PERIOD}: PATTERN a series id in which
 * {@code *} stands for any run of characters, PERIOD as {@code forecast.season.period} ({@code auto}, 0 or
 * 2..{@value ForecastSettings#MAX_PERIOD}). The first pattern that matches a series wins; other series take
 * {@code forecast.season.period}. A series' season is fixed at its second point, so a new rule applies to series
 * that start after it. Patterns are trimmed and split at commas, so an id with a comma or with spaces at its ends is
 * matched through {@code *} only.
 */
public final class SeriesPeriods {

    public static final SeriesPeriods NONE = new SeriesPeriods(List.of(), "");

    private record Rule(String glob, int period) {
    }

    private final List<Rule> rules;
    private final String spec;

    private SeriesPeriods(List<Rule> rules, String spec) {
        this.rules = rules;
        this.spec = spec;
    }

    /** Parses the setting; an empty one configures no series. */
    public static SeriesPeriods parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty()) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : s.split(",", -1)) {
            String e = entry.trim();
            int eq = e.lastIndexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("forecast.season.period.series: '" + e
                        + "' is not PATTERN=PERIOD (e.g. sensor-*=24,price-*=0)");
            }
            String glob = e.substring(0, eq).trim();
            if (!seen.add(glob)) {
                throw new IllegalArgumentException("forecast.season.period.series: pattern '" + glob
                        + "' is given twice");
            }
            int period;
            try {
                period = ForecastSettings.parsePeriod(e.substring(eq + 1));
                ForecastSettings.checkPeriod("the period", period);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("forecast.season.period.series: '" + e
                        + "': the period must be auto, 0 or 2.." + ForecastSettings.MAX_PERIOD);
            }
            rules.add(new Rule(glob, period));
        }
        return new SeriesPeriods(List.copyOf(rules), s);
    }

    /** The period configured for {@code series}, or {@code fallback} when no pattern matches it. */
    public int periodOf(String series, int fallback) {
        for (Rule r : rules) {
            if (matches(r.glob(), series)) {
                return r.period();
            }
        }
        return fallback;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Whether {@code glob} ({@code *} for any run of characters) matches all of {@code id}. Only the last star is
     * returned to, so a matching costs at most |glob| x |id| steps, however many stars: a regular expression's
     * backtracking took a minute for a five-star pattern on a 256-character id, on the stream thread.
     */
    static boolean matches(String glob, String id) {
        int g = 0;
        int i = 0;
        int star = -1;
        int resume = 0;
        while (i < id.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = i;
            } else if (g < glob.length() && glob.charAt(g) == id.charAt(i)) {
                g++;
                i++;
            } else if (star >= 0) {
                g = star + 1;
                i = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesPeriods other && other.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return spec;
    }
}
