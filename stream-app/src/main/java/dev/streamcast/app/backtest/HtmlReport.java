package dev.streamcast.app.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML report (inline SVG, no scripts, no network): the score table, the MASE per horizon step, and
 * per series its MAE beside the statistical anchors (when given), the model versions behind its scored forecasts and
 * a plot.
 */
public final class HtmlReport {

    private static final int W = 900;
    private static final int H = 220;

    private HtmlReport() {
    }

    public static Path write(Path dir, String inputName, BacktestReport.Scored scored, List<String> trainingLog)
            throws IOException {
        return write(dir, inputName, scored, trainingLog, Anchors.none());
    }

    /** As above, with each series' MAE beside its anchors' (looked up by the input's file name and the series). */
    public static Path write(Path dir, String inputName, BacktestReport.Scored scored, List<String> trainingLog,
                             Anchors anchors) throws IOException {
        Files.createDirectories(dir);
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest ")
                .append(escape(inputName)).append("</title><style>body{font-family:sans-serif;margin:2em;color:#222}"
                + "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.band{fill:#9cc3e6;opacity:.5}"
                + ".actual{fill:none;stroke:#222;stroke-width:1.2}.mean{fill:none;stroke:#d9480f;stroke-width:1.2}"
                + "</style></head><body>");
        html.append("<h1>Backtest of ").append(escape(inputName)).append("</h1>");
        html.append("<p>One-step forecasts on the scored part of each series; the band is the forecast interval."
                + " Black: actual, orange: forecast mean.</p><table><tr><th>series</th><th>n</th><th>MAE</th>"
                + "<th>RMSE</th><th>sMAPE %</th><th>MASE</th><th>coverage</th></tr>");
        for (SeriesScore s : scored.series()) {
            row(html, s);
        }
        row(html, scored.overall());
        html.append("</table>");
        steps(html, scored);
        for (SeriesScore s : scored.series()) {
            html.append("<h2>").append(escape(s.series())).append("</h2>");
            anchors(html, s, anchors.of(inputName, s.series()));
            versions(html, scored.versions().getOrDefault(s.series(), Map.of()));
            plot(html, scored.points().get(s.series()));
        }
        html.append("<h2>Training</h2>");
        if (trainingLog.isEmpty()) {
            html.append("<p>No model was trained in this replay (fewer training windows than retrain.min.samples, or "
                    + "retraining off): every forecast is the smoothing forecast alone (model v0).</p>");
        } else {
            html.append("<ul>");
            for (String line : trainingLog) {
                html.append("<li>").append(escape(line)).append("</li>");
            }
            html.append("</ul>");
        }
        html.append("</body></html>");
        Path file = dir.resolve("index.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private static void row(StringBuilder html, SeriesScore s) {
        html.append("<tr><td>").append(escape(s.series())).append("</td><td>").append(s.n()).append("</td>");
        for (double v : new double[] {s.mae(), s.rmse(), s.smape(), s.mase(), s.coverage()}) {
            html.append("<td>").append(num(v)).append("</td>");
        }
        html.append("</tr>");
    }

    /** The series' one-step MAE beside each anchor's (the same points when both scored the same share), and ratios. */
    private static void anchors(StringBuilder html, SeriesScore s, Map<String, Double> anchors) {
        if (anchors.isEmpty()) {
            return;
        }
        html.append("<table><tr><th>method</th><th>MAE</th><th>forecaster MAE / method MAE</th></tr>")
                .append("<tr><td>streamcast</td><td>").append(num(s.mae())).append("</td><td></td></tr>");
        for (Map.Entry<String, Double> a : anchors.entrySet()) {
            html.append("<tr><td>").append(escape(a.getKey())).append("</td><td>").append(num(a.getValue()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.3f", s.mae() / a.getValue()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void versions(StringBuilder html, Map<Integer, Integer> versions) {
        html.append("<p>Model versions behind the scored forecasts:");
        String sep = " ";
        for (Map.Entry<Integer, Integer> v : versions.entrySet()) {
            html.append(sep).append('v').append(v.getKey()).append(v.getKey() == 0 ? " (smoothing alone)" : "")
                    .append(": ").append(v.getValue()).append(v.getValue() == 1 ? " point" : " points");
            sep = ", ";
        }
        html.append(versions.isEmpty() ? " none" : "").append("</p>");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }

    /** MASE per horizon step, the forecaster's beside the seasonal naive forecast's, per series. */
    private static void steps(StringBuilder html, BacktestReport.Scored scored) {
        int h = 0;
        for (StepScores st : scored.steps().values()) {
            h = Math.max(h, st.steps());
        }
        if (h == 0) {
            return;
        }
        html.append("<h2>MASE per horizon step</h2><p>Each cell: the forecaster's k-step MASE / the seasonal naive"
                + " forecast's on the same points (season from the spacing; 1 = the naive forecast).</p>"
                + "<table><tr><th>series</th><th>season</th>");
        for (int k = 1; k <= h; k++) {
            html.append("<th>k=").append(k).append("</th>");
        }
        html.append("</tr>");
        for (var e : scored.steps().entrySet()) {
            StepScores st = e.getValue();
            html.append("<tr><td>").append(escape(e.getKey())).append("</td><td>").append(Math.max(st.period(), 1))
                    .append("</td>");
            for (int k = 0; k < st.steps(); k++) {
                html.append("<td>").append(String.format(Locale.ROOT, "%.3g / %.3g", st.mase(k),
                        st.seasonalNaiveMase(k))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void plot(StringBuilder html, List<Scoring.Point> points) {
        if (points.size() < 2) {
            html.append("<p>too few scored points to plot</p>");
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Scoring.Point p : points) {
            lo = Math.min(lo, Math.min(p.actual(), p.lower()));
            hi = Math.max(hi, Math.max(p.actual(), p.upper()));
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        int n = points.size();
        StringBuilder band = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        StringBuilder mean = new StringBuilder();
        for (int i = 0; i < n; i++) {
            band.append(xy(i, n, points.get(i).upper(), lo, hi)).append(' ');
            actual.append(xy(i, n, points.get(i).actual(), lo, hi)).append(' ');
            mean.append(xy(i, n, points.get(i).mean(), lo, hi)).append(' ');
        }
        for (int i = n - 1; i >= 0; i--) {
            band.append(xy(i, n, points.get(i).lower(), lo, hi)).append(' ');
        }
        html.append("<svg width=\"").append(W).append("\" height=\"").append(H)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\"><polygon class=\"band\" points=\"").append(band)
                .append("\"/><polyline class=\"actual\" points=\"").append(actual)
                .append("\"/><polyline class=\"mean\" points=\"").append(mean).append("\"/></svg>");
    }

    private static String xy(int i, int n, double v, double lo, double hi) {
        double x = 5 + (W - 10) * (double) i / (n - 1);
        double y = H - 5 - (H - 10) * (v - lo) / (hi - lo);
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
