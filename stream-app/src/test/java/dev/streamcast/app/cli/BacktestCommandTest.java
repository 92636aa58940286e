package dev.streamcast.app.cli;

import dev.streamcast.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backtest --anchors}: each series' MAE beside the anchors, in the report with the model versions used. */
class BacktestCommandTest {

    @Test
    void theReportShowsTheAnchorsAndTheModelVersionsOfEachSeries(@TempDir Path dir) throws Exception {
        Path csv = data("co2.csv");
        Path anchors = data("anchors.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.commandLine().execute("backtest", "--input", csv.toString(), "--anchors", anchors.toString(),
                    "--report", dir.toString());
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        Matcher mae = Pattern.compile("\"series\":\"co2\",\"n\":94,\"mae\":([0-9.]+)").matcher(out.toString());
        assertTrue(mae.find(), out.toString());
        double ratio = Double.parseDouble(mae.group(1)) / 0.246495;   // co2's ARIMA MAE in anchors.csv
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<tr><td>arima</td><td>0.2465</td><td>"
                + String.format(Locale.ROOT, "%.3f", ratio) + "</td></tr>"), "ARIMA's row in the report");
        assertTrue(html.contains("<tr><td>holt_winters</td>"), "every anchor of the series");
        Matcher versions = Pattern.compile("Model versions behind the scored forecasts:([^<]*)</p>").matcher(html);
        assertTrue(versions.find(), "the model versions line");
        Matcher count = Pattern.compile("v\\d+[^:,]*: (\\d+) points?").matcher(versions.group(1));
        int points = 0;
        while (count.find()) {
            points += Integer.parseInt(count.group(1));
        }
        assertEquals(94, points, "every scored forecast counted under its model version: " + versions.group(1));
        assertTrue(html.contains("No model was trained in this replay"), "468 points give too few windows to train");
    }

    @Test
    void aMisspeltSettingIsAClearErrorNotIgnored() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.getSubcommands().get("backtest").setErr(new PrintWriter(err));
        int code = cl.execute("backtest", "--input", data("co2.csv").toString(), "--set", "forecast.horizn=3");
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown setting 'forecast.horizn' from --set; did you mean "
                + "forecast.horizon?"), err.toString());
    }

    @Test
    void anAnchorsFileWithoutAMaeColumnIsAClearError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("anchors.csv");
        Files.writeString(bad, "file,series,method,RMSE\nco2.csv,co2,arima,0.3\n");
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.getSubcommands().get("backtest").setErr(new PrintWriter(err));
        int code = cl.execute("backtest", "--input", data("co2.csv").toString(), "--anchors", bad.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("has no 'MAE' column"), err.toString());
    }

    private static Path data(String name) throws URISyntaxException {
        return Path.of(BacktestCommandTest.class.getResource("/data/" + name).toURI());
    }
}
