package dev.streamcast.app.backtest;

import dev.streamcast.app.record.ObservationParser;
import dev.streamcast.app.record.Rejection;
import dev.streamcast.app.record.Timestamps;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV with header {@code series,ts,value} (ts ISO-8601 or epoch millis; empty value = gap). A row that cannot
 * be read stops the backtest with its line number: a silently skipped row would change every score after it.
 */
public final class CsvSeriesReader {

    private CsvSeriesReader() {
    }

    public static List<CsvRow> read(Path file) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty; expected a header series,ts,value");
            }
            if (!header.replace("\uFEFF", "").trim().equalsIgnoreCase("series,ts,value")) {
                throw new IllegalArgumentException(file + ": header must be series,ts,value, found: " + header);
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(parse(file, lineNo, line, counts));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has a header but no rows");
        }
        return rows;
    }

    private static CsvRow parse(Path file, int lineNo, String line, Map<String, Integer> counts) {
        String[] cells = line.split(",", -1);
        if (cells.length != 3) {
            throw new IllegalArgumentException(file + " line " + lineNo + ": expected 3 cells (series,ts,value), found "
                    + cells.length + ": " + line);
        }
        String series = unquote(cells[0]);
        if (series.isEmpty()) {
            throw new IllegalArgumentException(file + " line " + lineNo + ": empty series id");
        }
        long ts;
        try {
            ts = Timestamps.parse(unquote(cells[1]));
        } catch (Rejection r) {
            throw new IllegalArgumentException(file + " line " + lineNo + ": " + r.getMessage());
        }
        String v = unquote(cells[2]);
        double value = Double.NaN;
        if (!v.isEmpty()) {
            try {
                value = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": value is not a number: " + v);
            }
            if (!Double.isFinite(value) || Math.abs(value) > ObservationParser.MAX_MAGNITUDE) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": value is not finite (or beyond +-"
                        + ObservationParser.MAX_MAGNITUDE + "): " + v);
            }
        }
        int index = counts.merge(series, 1, Integer::sum) - 1;
        return new CsvRow(series, ts, value, index);
    }

    private static String unquote(String cell) {
        String c = cell.trim();
        if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
            return c.substring(1, c.length() - 1);
        }
        return c;
    }
}
