package dev.streamcast.app.forecast;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Season lengths configured for some series ({@code forecast.season.period.series}), for a topic whose series have
 * different cycles at the same spacing: hourly sensors with a daily cycle beside hourly prices with none, say
 * {@code sensor-*=24,price-*=0}. A comma-separated list of {@code PATTERN=PERIOD}: PATTERN a series id in which
 * {@code *} stands for any run of characters, PERIOD as {@code forecast.season.period} ({@code auto}, 0 or
 * 2..{@value ForecastSettings#MAX_PERIOD}). The first pattern that matches a series wins; other series take
 * {@code forecast.season.period}. A series' season is fixed at its second point, so a new rule applies to series
 * that start after it.
 */
public final class SeriesPeriods {

    public static final SeriesPeriods NONE = new SeriesPeriods(List.of(), "");

    private record Rule(Pattern pattern, int period) {
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
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("forecast.season.period.series: '" + e
                        + "': the period must be auto, 0 or 2.." + ForecastSettings.MAX_PERIOD);
            }
            ForecastSettings.checkPeriod("forecast.season.period.series: '" + e + "': the period", period);
            rules.add(new Rule(globPattern(glob), period));
        }
        return new SeriesPeriods(List.copyOf(rules), s);
    }

    /** The period configured for {@code series}, or {@code fallback} when no pattern matches it. */
    public int periodOf(String series, int fallback) {
        for (Rule r : rules) {
            if (r.pattern().matcher(series).matches()) {
                return r.period();
            }
        }
        return fallback;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    private static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        int from = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', from)) {
            regex.append(Pattern.quote(glob.substring(from, star))).append(".*");
            from = star + 1;
        }
        regex.append(Pattern.quote(glob.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return spec;
    }
}
