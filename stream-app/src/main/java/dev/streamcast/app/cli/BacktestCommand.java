package dev.streamcast.app.cli;

import dev.streamcast.app.backtest.Anchors;
import dev.streamcast.app.backtest.BacktestReport;
import dev.streamcast.app.backtest.BacktestRunner;
import dev.streamcast.app.backtest.CsvRow;
import dev.streamcast.app.backtest.CsvSeriesReader;
import dev.streamcast.app.backtest.HtmlReport;
import dev.streamcast.app.backtest.SeriesScore;
import dev.streamcast.app.config.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backtest}: replays a CSV through the production topology without a broker and prints accuracy. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays a CSV through the same topology as 'run', without a broker, and scores its forecasts.",
            "The CSV has the header series,ts,value. Retraining follows the event-time schedule. Prints one JSON line",
            "per series and one overall (series \"*\") with n, mae, rmse, smape, mase and coverage of the one-step",
            "forecasts on the last F of each series."})
public final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "the series to replay")
    Path input;

    @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
            description = "scored share at the end of each series (default: ${DEFAULT-VALUE})")
    double testFraction;

    @Option(names = "--horizon", paramLabel = "H", description = "forecast steps ahead (default: forecast.horizon, 6)")
    Integer horizon;

    @Option(names = "--report", paramLabel = "DIR", description = "write an HTML report (index.html) to DIR")
    Path report;

    @Option(names = "--anchors", paramLabel = "FILE", description = {"statistical anchors to compare with: a CSV with "
            + "columns file,series,method,MAE (as the shared data's anchors.csv), matched by the input's file name;",
        "each series' MAE beside them goes to standard error and the report"})
    Path anchors;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file with settings (as for run)")
    Path config;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "override one setting (as for run)")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("--test-fraction must be in (0, 1), got " + testFraction);
        }
        if (!Files.isReadable(input)) {
            throw new IllegalArgumentException("cannot read --input " + input);
        }
        if (anchors != null && !Files.isReadable(anchors)) {
            throw new IllegalArgumentException("cannot read --anchors " + anchors);
        }
        Anchors known = anchors == null ? Anchors.none() : Anchors.read(anchors);
        Map<String, String> o = new LinkedHashMap<>(overrides);
        if (horizon != null) {
            o.put("forecast.horizon", horizon.toString());
        }
        AppConfig cfg = AppConfig.load(config, System.getenv(), o);
        List<CsvRow> rows = CsvSeriesReader.read(input);
        System.err.printf("backtest: %d rows from %s%n", rows.size(), input);
        BacktestRunner.Result result = new BacktestRunner(cfg, System.err).run(rows);
        BacktestReport.Scored scored = BacktestReport.score(result, testFraction, cfg.forecast());
        for (SeriesScore s : scored.series()) {
            System.out.println(s.toJson());
        }
        System.out.println(scored.overall().toJson());
        String name = input.getFileName().toString();
        for (SeriesScore s : scored.series()) {
            Map<String, Double> of = known.of(name, s.series());
            if (!of.isEmpty()) {
                System.err.println(anchorLine(s, of));
                known.scoredPoints(name, s.series()).ifPresent(n -> {
                    if (n != s.n()) {
                        System.err.printf("%s: the anchors scored %d points, this backtest %d: not the same points"
                                + " (another --test-fraction?)%n", s.series(), n, s.n());
                    }
                });
            } else if (anchors != null) {
                System.err.printf("%s: no anchors for %s in %s%n", s.series(), name, anchors);
            }
        }
        if (report != null) {
            Path file = HtmlReport.write(report, name, scored, result.trainingLog(), known);
            System.err.println("report: " + file);
        }
        return 0;
    }

    /** {@code series: MAE m; naive a (ratio m/a), ...}. */
    static String anchorLine(SeriesScore s, Map<String, Double> anchors) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: MAE %.4g", s.series(), s.mae()));
        String sep = "; ";
        for (Map.Entry<String, Double> a : anchors.entrySet()) {
            line.append(sep).append(String.format(Locale.ROOT, "%s %.4g (%.3fx)", a.getKey(), a.getValue(),
                    s.mae() / a.getValue()));
            sep = ", ";
        }
        return line.toString();
    }
}
