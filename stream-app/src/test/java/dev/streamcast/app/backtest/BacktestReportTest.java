package dev.streamcast.app.backtest;

import dev.streamcast.app.config.AppConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BacktestReportTest {

    /** The seasonal naive benchmark takes each series' own season, as the forecaster does. */
    @Test
    void theSeasonalNaiveBenchmarkFollowsEachSeriesConfiguredSeason(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("series,ts,value\n");
        for (String id : new String[] {"price", "sales"}) {
            for (int i = 0; i < 60; i++) {
                LocalDate month = LocalDate.of(2000, 1, 1).plusMonths(i);
                csv.append(id).append(',').append(month.atStartOfDay().toInstant(ZoneOffset.UTC)).append(',')
                        .append(10 + i % 12 + 0.1 * i).append('\n');
            }
        }
        Path file = dir.resolve("two.csv");
        Files.writeString(file, csv);
        AppConfig config = AppConfig.load(null, Map.of(), Map.of("forecast.season.period.series", "price=0"));
        BacktestRunner.Result result = new BacktestRunner(config, new PrintStream(OutputStream.nullOutputStream()))
                .run(CsvSeriesReader.read(file));
        BacktestReport.Scored scored = BacktestReport.score(result, 0.2, config.forecast());
        assertEquals(0, scored.steps().get("price").period(), "no season: the benchmark is the last value");
        assertEquals(12, scored.steps().get("sales").period(), "monthly: a year back");
    }

    /** A first gap stamped with jitter gives the benchmark the season the forecaster found: the cleaned spacing's. */
    @Test
    void theBenchmarkSeasonComesFromTheCleanedSpacing(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("series,ts,value\n");
        for (int i = 0; i < 60; i++) {
            long ts = LocalDate.of(2000, 1, 1).plusMonths(i).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()
                    + (i == 1 ? 4_400 : 0);
            csv.append("m,").append(ts).append(',').append(10 + i % 12).append('\n');
        }
        Path file = dir.resolve("jittered.csv");
        Files.writeString(file, csv);
        AppConfig config = AppConfig.load(null, Map.of(), Map.of());
        BacktestRunner.Result result = new BacktestRunner(config, new PrintStream(OutputStream.nullOutputStream()))
                .run(CsvSeriesReader.read(file));
        assertEquals(12, BacktestReport.score(result, 0.2, config.forecast()).steps().get("m").period(),
                "31 days and 4.4 s: a month");
    }
}
