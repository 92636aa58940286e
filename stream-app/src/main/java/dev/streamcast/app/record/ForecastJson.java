package dev.streamcast.app.record;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.streamcast.app.forecast.Forecast;

import java.nio.charset.StandardCharsets;

/** Writes the contract's {@code forecasts} value; hand-written because it is on the per-event path. */
public final class ForecastJson {

    private final StringBuilder sb = new StringBuilder(512);
    private final char[] digits = new char[SignificantDigits.DIGITS];

    /** Not thread-safe: one writer per stream thread. */
    public byte[] write(Forecast f) {
        sb.setLength(0);
        sb.append("{\"series\":");
        appendString(sb, f.series());
        sb.append(",\"ts\":").append(f.ts());
        sb.append(",\"value\":");
        appendNumber(sb, f.value());
        sb.append(",\"horizon\":[");
        for (int k = 0; k < f.horizon(); k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append("{\"ts\":").append(f.horizonTs()[k]);
            sb.append(",\"mean\":");
            appendEstimate(f.mean()[k]);
            sb.append(",\"lower\":");
            appendEstimate(f.lower()[k]);
            sb.append(",\"upper\":");
            appendEstimate(f.upper()[k]);
            sb.append('}');
        }
        sb.append("],\"model_version\":").append(f.modelVersion());
        sb.append(",\"warm\":").append(f.warm());
        sb.append(",\"imputed\":").append(f.imputed());
        sb.append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A forecast number, to {@link SignificantDigits#DIGITS} significant digits. */
    private void appendEstimate(double d) {
        if (Double.isFinite(d)) {
            SignificantDigits.append(sb, d, digits);
        } else {
            sb.append("null");
        }
    }

    static void appendNumber(StringBuilder sb, double d) {
        if (Double.isFinite(d)) {
            // Schubfach (shortest repr that parses back to the same double), several times faster than
            // Double.toString on Java 17; the observed value keeps its full precision.
            sb.append(NumberOutput.toString(d, true));
        } else {
            sb.append("null"); // JSON has no NaN; never expected, but output must stay parseable
        }
    }

    /** JSON string escaping per RFC 8259. */
    public static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
