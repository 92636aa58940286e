package dev.streamcast.loadgen.produce;

import dev.streamcast.loadgen.faults.FaultKind;

import java.util.Locale;

/** Text for the progress line and the final JSON summary of a produce run. */
public final class ProduceReport {

    private final ProduceStats stats;
    private long lastSent;
    private long lastNanos;

    public ProduceReport(ProduceStats stats) {
        this.stats = stats;
    }

    /** One progress line; remembers the previous call to show the current rate. */
    public synchronized String progress() {
        long now = System.nanoTime();
        long sent = stats.sent();
        double seconds = stats.seconds();
        double current = lastNanos == 0 ? sent / Math.max(seconds, 1e-9) : (sent - lastSent) / ((now - lastNanos) / 1e9);
        lastSent = sent;
        lastNanos = now;
        String line = String.format(Locale.ROOT, "%6.1fs sent %,d (%,.0f/s now, %,.0f/s avg) acked %,d errors %,d",
                seconds, sent, current, sent / Math.max(seconds, 1e-9), stats.acked(), stats.failed());
        String err = stats.lastError();
        return err == null ? line : line + " last error: " + truncate(err, 120);
    }

    /** The final summary as one JSON object. */
    public String json() {
        double seconds = stats.seconds();
        StringBuilder b = new StringBuilder(256);
        b.append("{\"sent\":").append(stats.sent())
                .append(",\"acked\":").append(stats.acked())
                .append(",\"errors\":").append(stats.failed())
                .append(",\"seconds\":").append(round(seconds))
                .append(",\"rate_per_s\":").append(round(stats.sent() / Math.max(seconds, 1e-9)))
                .append(",\"bytes\":").append(stats.bytes())
                .append(",\"expected_forecasts\":").append(stats.expectedForecasts())
                .append(",\"kinds\":{");
        boolean first = true;
        for (FaultKind k : FaultKind.values()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append('"').append(k.label()).append("\":").append(stats.count(k));
        }
        return b.append("}}").toString();
    }

    static String round(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
