package dev.streamcast.app.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistical anchors to compare with: a CSV with at least the columns {@code file,series,method,MAE} (as
 * {@code anchors.csv} of the shared data), one row per method and series, read into method to one-step MAE per
 * file and series.
 */
public final class Anchors {

    private final Map<String, Map<String, Double>> bySeries;

    private Anchors(Map<String, Map<String, Double>> bySeries) {
        this.bySeries = bySeries;
    }

    public static Anchors none() {
        return new Anchors(Map.of());
    }

    /** Reads {@code file}; a missing column or an unreadable row is an error naming the file and the line. */
    public static Anchors read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty anchors file");
        }
        List<String> header = List.of(lines.get(0).trim().split(","));
        int[] col = new int[4];
        String[] names = {"file", "series", "method", "MAE"};
        for (int i = 0; i < names.length; i++) {
            col[i] = header.indexOf(names[i]);
            if (col[i] < 0) {
                throw new IllegalArgumentException(file + ": the anchors header has no '" + names[i]
                        + "' column (needs file,series,method,MAE)");
            }
        }
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", -1);
            if (c.length < header.size()) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": " + c.length + " fields, the header"
                        + " has " + header.size());
            }
            double mae;
            try {
                mae = Double.parseDouble(c[col[3]]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": MAE '" + c[col[3]]
                        + "' is not a number");
            }
            out.computeIfAbsent(key(c[col[0]], c[col[1]]), k -> new LinkedHashMap<>()).put(c[col[2]], mae);
        }
        return new Anchors(out);
    }

    /** Method to MAE for one series of one input file (by its file name), empty when none is listed. */
    public Map<String, Double> of(String fileName, String series) {
        return bySeries.getOrDefault(key(fileName, series), Map.of());
    }

    private static String key(String file, String series) {
        return file + "," + series;
    }
}
