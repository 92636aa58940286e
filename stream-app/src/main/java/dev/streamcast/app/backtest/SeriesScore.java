package dev.streamcast.app.backtest;

/** Accuracy of the one-step forecasts on a series' scored part (or, with series "*", over all series). */
public record SeriesScore(String series, int n, double mae, double rmse, double smape, double mase, double coverage) {

    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"series\":");
        dev.streamcast.app.record.ForecastJson.appendString(sb, series);
        sb.append(",\"n\":").append(n);
        field(sb, "mae", mae);
        field(sb, "rmse", rmse);
        field(sb, "smape", smape);
        field(sb, "mase", mase);
        field(sb, "coverage", coverage);
        return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String name, double v) {
        sb.append(",\"").append(name).append("\":");
        if (Double.isFinite(v)) {
            sb.append(Math.round(v * 1e6) / 1e6);
        } else {
            sb.append("null");
        }
    }
}
