package dev.streamcast.loadgen.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads replay CSV: header {@code series,ts,value}; ts is ISO-8601 (instant, offset date-time or a bare date at UTC
 * midnight) or epoch millis; an empty value is a gap. Fields may be double-quoted. A bad row fails the parse with
 * its line number and reason, unless {@code skipBadRows}, in which case it is counted and described.
 */
public final class CsvReplayParser {

    private static final int MAX_PROBLEMS_KEPT = 200;

    private CsvReplayParser() {
    }

    public static ReplayData parse(Reader in, boolean skipBadRows) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String header = r.readLine();
        if (header == null) {
            throw new ReplayFormatException("line 1: the file is empty; expected the header series,ts,value");
        }
        List<String> head = split(stripBom(header), 1);
        if (head.size() != 3 || !head.get(0).trim().equalsIgnoreCase("series") || !head.get(1).trim().equalsIgnoreCase("ts")
                || !head.get(2).trim().equalsIgnoreCase("value")) {
            throw new ReplayFormatException("line 1: expected the header series,ts,value but found: " + header);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int[] series = new int[1024];
        long[] ts = new long[1024];
        double[] values = new double[1024];
        int n = 0;
        int skipped = 0;
        int lineNo = 1;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                List<String> f = split(line, lineNo);
                if (f.size() != 3) {
                    throw new ReplayFormatException("line " + lineNo + ": expected 3 fields (series,ts,value), found "
                            + f.size());
                }
                String key = f.get(0).trim();
                if (key.isEmpty()) {
                    throw new ReplayFormatException("line " + lineNo + ": the series id is empty");
                }
                long t = parseTs(f.get(1).trim(), lineNo);
                double v = parseValue(f.get(2).trim(), lineNo);
                if (n == ts.length) {
                    series = Arrays.copyOf(series, n * 2);
                    ts = Arrays.copyOf(ts, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                }
                Integer idx = index.get(key);
                if (idx == null) {
                    idx = keys.size();
                    index.put(key, idx);
                    keys.add(key);
                }
                series[n] = idx;
                ts[n] = t;
                values[n] = v;
                n++;
            } catch (ReplayFormatException e) {
                if (!skipBadRows) {
                    throw e;
                }
                skipped++;
                if (problems.size() < MAX_PROBLEMS_KEPT) {
                    problems.add(e.getMessage());
                }
            }
        }
        return new ReplayData(List.copyOf(keys), Arrays.copyOf(series, n), Arrays.copyOf(ts, n),
                Arrays.copyOf(values, n), skipped, List.copyOf(problems));
    }

    /** Epoch millis, ISO-8601 instant or offset date-time, or a date (UTC midnight). */
    static long parseTs(String s, int lineNo) {
        if (s.isEmpty()) {
            throw new ReplayFormatException("line " + lineNo + ": the ts is empty");
        }
        if (isInteger(s)) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new ReplayFormatException("line " + lineNo + ": the ts " + s + " does not fit epoch millis");
            }
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException notInstant) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException notOffset) {
                try {
                    return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException | ArithmeticException notDate) {
                    throw new ReplayFormatException("line " + lineNo + ": the ts '" + s
                            + "' is neither epoch millis nor an ISO-8601 instant (e.g. 2024-01-01T00:00:00Z)");
                }
            }
        }
    }

    /** NaN for a gap (empty field). */
    static double parseValue(String s, int lineNo) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ReplayFormatException("line " + lineNo + ": the value '" + s
                    + "' is not a number (leave it empty for a gap)");
        }
        if (!Double.isFinite(v)) {
            throw new ReplayFormatException("line " + lineNo + ": the value '" + s
                    + "' is not finite (leave it empty for a gap)");
        }
        return v;
    }

    private static boolean isInteger(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Splits one CSV line; a double-quoted field may hold commas and doubled quotes. */
    static List<String> split(String line, int lineNo) {
        List<String> out = new ArrayList<>(3);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new ReplayFormatException("line " + lineNo + ": a quoted field is not closed");
        }
        out.add(cur.toString());
        return out;
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
