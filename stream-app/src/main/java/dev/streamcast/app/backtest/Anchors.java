package dev.streamcast.app.backtest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Statistical anchors to compare with: a UTF-8 CSV with at least the columns {@code file,series,method,MAE} (as
 * {@code anchors.csv} of the shared data), one row per method and series, read into method to one-step MAE per
 * file and series; an {@code n_test} column, when there, says how many points the anchors scored.
 */
public final class Anchors {

    private static final String[] REQUIRED = {"file", "series", "method", "MAE"};

    private final Map<String, Map<String, Double>> bySeries;
    private final Map<String, Integer> scored;

    private Anchors(Map<String, Map<String, Double>> bySeries, Map<String, Integer> scored) {
        this.bySeries = bySeries;
        this.scored = scored;
    }

    public static Anchors none() {
        return new Anchors(Map.of(), Map.of());
    }

    /** Reads {@code file}; anything malformed is an error naming the file and the line. */
    public static Anchors read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty anchors file");
        }
        List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split(",", -1)).map(String::trim)
                .toList();
        int[] col = new int[REQUIRED.length];
        for (int i = 0; i < REQUIRED.length; i++) {
            col[i] = header.indexOf(REQUIRED[i]);
            if (col[i] < 0) {
                throw new IllegalArgumentException(file + ": the anchors header has no '" + REQUIRED[i]
                        + "' column (needs file,series,method,MAE)");
            }
        }
        int nTest = header.indexOf("n_test");
        Map<String, Map<String, Double>> out = new HashMap<>();
        Map<String, Integer> scored = new HashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String where = file + " line " + (n + 1) + ": ";
            String[] c = lines.get(n).split(",", -1);
            if (c.length != header.size()) {
                throw new IllegalArgumentException(where + c.length + " fields, the header has " + header.size());
            }
            double mae = number(c[col[3]].trim(), where + "MAE");
            if (!(mae > 0) || Double.isInfinite(mae)) {
                throw new IllegalArgumentException(where + "MAE must be a positive number, got " + c[col[3]]);
            }
            String key = key(c[col[0]].trim(), c[col[1]].trim());
            String method = c[col[2]].trim();
            if (out.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(method, mae) != null) {
                throw new IllegalArgumentException(where + "a second row for " + method + " of " + key);
            }
            if (nTest >= 0 && !c[nTest].isBlank()) {
                scored.put(key, (int) number(c[nTest].trim(), where + "n_test"));
            }
        }
        return new Anchors(out, scored);
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number");
        }
    }

    /** Method to MAE for one series of one input file (by its file name), empty when none is listed. */
    public Map<String, Double> of(String fileName, String series) {
        return bySeries.getOrDefault(key(fileName, series), Map.of());
    }

    /** How many points the anchors scored for this series, when the file says. */
    public OptionalInt scoredPoints(String fileName, String series) {
        Integer n = scored.get(key(fileName, series));
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    private static String key(String file, String series) {
        return file + "," + series;
    }
}
