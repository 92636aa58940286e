package dev.streamcast.app.backtest;

import dev.streamcast.app.config.AppConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backtests every CSV given and compares each series with the statistical anchors (a CSV
 * {@code file,series,method,...,MAE,...} as in the shared data folder): the markdown table of the README's
 * "Forecast accuracy" section. Run by {@code scripts/accuracy.sh}:
 * <pre>
 * java -cp stream-app.jar dev.streamcast.app.backtest.AccuracyTable --anchors anchors.csv [-D key=value ...] DIR|FILE...
 * </pre>
 */
public final class AccuracyTable {

    /** One series' result beside its anchors (method to MAE). */
    public record Row(String file, SeriesScore score, Map<String, Double> anchors, double halfWidth,
                      Scoring.NaiveInterval naive, StepScores steps) {

        double ratio(String method) {
            Double a = anchors.get(method);
            return a == null ? Double.NaN : score.mae() / a;
        }

        double best() {
            return anchors.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }
    }

    private AccuracyTable() {
    }

    public static List<Row> run(List<Path> files, Path anchorsFile, double testFraction, AppConfig config)
            throws IOException {
        Anchors anchors = anchorsFile == null ? Anchors.none() : Anchors.read(anchorsFile);
        List<Row> rows = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (Path f : files) {
            BacktestRunner.Result result = new BacktestRunner(config, quiet).run(CsvSeriesReader.read(f));
            BacktestReport.Scored scored = BacktestReport.score(result, testFraction, config.forecast());
            String file = f.getFileName().toString();
            for (SeriesScore s : scored.series()) {
                rows.add(new Row(file, s, anchors.of(file, s.series()),
                        Scoring.meanHalfWidth(scored.points().get(s.series())),
                        scored.naiveInterval().get(s.series()), scored.steps().get(s.series())));
            }
        }
        return rows;
    }

    /** The series files of a data folder: its CSV files but the anchors, by name. */
    public static List<Path> seriesFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".csv") && !f.getFileName().toString().equals("anchors.csv"))
                    .sorted().toList();
        }
    }

    /** Geometric mean of the finite positive values. */
    public static double geometricMean(List<Double> values) {
        double logSum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v) && v > 0) {
                logSum += Math.log(v);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    public static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| file | series | n | MAE | naive | snaive | holt_winters | arima | MAE/arima | MAE/best anchor"
                + " | MAE/naive | coverage | width/naive width | naive coverage |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Double> vsArima = new ArrayList<>();
        List<Double> vsBest = new ArrayList<>();
        List<Double> vsNaive = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        int points = 0;
        double covered = 0;
        double naiveCovered = 0;
        for (Row r : rows) {
            double w = r.halfWidth() / r.naive().halfWidth();
            sb.append("| ").append(r.file()).append(" | ").append(r.score().series()).append(" | ")
                    .append(r.score().n()).append(" | ").append(num(r.score().mae()));
            for (String m : List.of("naive", "snaive", "holt_winters", "arima")) {
                Double a = r.anchors().get(m);
                sb.append(" | ").append(a == null ? "-" : num(a));
            }
            sb.append(" | ").append(fixed(r.ratio("arima"))).append(" | ").append(fixed(r.score().mae() / r.best()))
                    .append(" | ").append(fixed(r.ratio("naive"))).append(" | ")
                    .append(fixed(r.score().coverage())).append(" | ").append(fixed(w)).append(" | ")
                    .append(fixed(r.naive().coverage())).append(" |\n");
            vsArima.add(r.ratio("arima"));
            vsBest.add(r.score().mae() / r.best());
            vsNaive.add(r.ratio("naive"));
            widths.add(w);
            points += r.score().n();
            covered += r.score().coverage() * r.score().n();
            naiveCovered += r.naive().coverage() * r.score().n();
        }
        sb.append("| **geometric mean** | | ").append(points).append(" | | | | | | **")
                .append(fixed(geometricMean(vsArima))).append("** | **").append(fixed(geometricMean(vsBest)))
                .append("** | ").append(fixed(geometricMean(vsNaive))).append(" | ")
                .append(fixed(covered / points)).append(" (pooled) | ").append(fixed(geometricMean(widths)))
                .append(" | ").append(fixed(naiveCovered / points)).append(" (pooled) |\n");
        List<String> behindNaive = rows.stream().filter(r -> r.ratio("naive") > 1.05)
                .map(r -> r.score().series() + " " + fixed(r.ratio("naive"))).toList();
        sb.append("\nMore than 5% worse than naive: ").append(behindNaive.isEmpty() ? "none" : String.join(", ",
                behindNaive)).append('\n');
        sb.append("\nMulti-step: geometric mean over series of (forecaster MAE / seasonal naive MAE) at each step k\n\n");
        int h = rows.stream().mapToInt(r -> r.steps().steps()).max().orElse(0);
        StringBuilder head = new StringBuilder("|");
        StringBuilder line = new StringBuilder("|");
        StringBuilder vals = new StringBuilder("|");
        for (int k = 0; k < h; k++) {
            List<Double> ratios = new ArrayList<>();
            for (Row r : rows) {
                if (k < r.steps().steps()) {
                    ratios.add(r.steps().mae()[k] / r.steps().seasonalNaiveMae()[k]);
                }
            }
            head.append(" k=").append(k + 1).append(" |");
            line.append("---:|");
            vals.append(' ').append(fixed(geometricMean(ratios))).append(" |");
        }
        sb.append(head).append('\n').append(line).append('\n').append(vals).append('\n');
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }

    public static void main(String[] args) throws IOException {
        Path anchors = null;
        double fraction = 0.2;
        Map<String, String> overrides = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--anchors" -> anchors = Path.of(args[++i]);
                case "--test-fraction" -> fraction = Double.parseDouble(args[++i]);
                case "-D" -> {
                    String[] kv = args[++i].split("=", 2);
                    overrides.put(kv[0], kv[1]);
                }
                default -> {
                    Path p = Path.of(args[i]);
                    if (Files.isDirectory(p)) {
                        files.addAll(seriesFiles(p));
                    } else {
                        files.add(p);
                    }
                }
            }
        }
        AppConfig config = AppConfig.load(null, System.getenv(), overrides);
        System.out.print(markdown(run(files, anchors, fraction, config)));
    }
}
