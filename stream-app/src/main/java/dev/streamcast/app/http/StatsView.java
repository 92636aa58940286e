package dev.streamcast.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.metrics.MetricsSnapshot;
import dev.streamcast.app.metrics.ModelTimeline;
import dev.streamcast.app.model.ModelRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /stats}: this instance's forecasting meters as one small JSON object, so the dashboard needs no
 * Prometheus parser. Counts are totals since start; the dashboard turns two polls into rates.
 */
final class StatsView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppMetrics metrics;
    private final ModelRegistry registry;
    private final StatusView status;
    private final String instance;

    StatsView(AppMetrics metrics, ModelRegistry registry, StatusView status, String instance) {
        this.metrics = metrics;
        this.registry = registry;
        this.status = status;
        this.instance = instance;
    }

    Reply render() {
        MetricsSnapshot s = metrics.snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", instance);
        m.put("streams", status.streamsState());
        m.put("at_ms", s.atMillis());
        m.put("uptime_s", (s.atMillis() - s.startedMillis()) / 1000.0);
        m.put("events_accepted", s.accepted());
        m.put("forecasts", s.forecasts());
        m.put("imputed", s.imputed());
        m.put("filled", s.filled());
        m.put("internal_errors", s.internalErrors());
        m.put("dead_letters", s.deadLetters());
        m.put("step_ms", map("p50", finite(s.stepP50Ms()), "p99", finite(s.stepP99Ms())));
        m.put("onestep_error_scaled", map("mean", finite(s.errorMean()), "p50", finite(s.errorP50()),
                "p90", finite(s.errorP90())));
        m.put("model_version", registry.current().version());
        m.put("training", Map.of("runs", s.trainingRuns(), "published", s.candidatesPublished(),
                "rejected", s.candidatesRejected()));
        List<Map<String, Object>> versions = new ArrayList<>();
        for (ModelTimeline.Entry e : metrics.modelTimeline()) {
            versions.add(Map.of("version", e.version(), "since_ms", e.sinceMillis()));
        }
        m.put("model_versions", versions);
        try {
            return Reply.json(200, JSON.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like Map.of, but null values allowed (they render as JSON null). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** JSON has no NaN: an empty histogram is null, which the dashboard shows as "-". */
    private static Object finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
