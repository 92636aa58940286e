package dev.streamcast.app.backtest;

import java.math.BigDecimal;
import java.math.MathContext;

/** Accuracy of the one-step forecasts on a series' scored part (or, with series "*", over all series). */
public record SeriesScore(String series, int n, double mae, double rmse, double smape, double mase, double coverage) {

    private static final MathContext SIGNIFICANT = new MathContext(7);

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
            // significant digits, not decimals: a series of values around 1e-9 must not score an MAE of 0
            sb.append(new BigDecimal(v).round(SIGNIFICANT).doubleValue());
        } else {
            sb.append("null");
        }
    }
}
