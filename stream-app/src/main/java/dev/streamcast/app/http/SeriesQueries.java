package dev.streamcast.app.http;

import dev.streamcast.app.runtime.ForecasterApp;
import dev.streamcast.app.state.SeriesState;
import dev.streamcast.app.topology.ForecastTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code /series/{id}}: answered here when this instance owns the key, otherwise fetched from the owner
 * (interactive queries); 503 with Retry-After while stores are rebalancing or restoring, 404 for unknown series.
 */
final class SeriesQueries {

    record Answer(int status, String body, int retryAfterSeconds) {
    }

    private final ForecasterApp app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SeriesQueries(ForecasterApp app) {
        this.app = app;
    }

    Answer lookup(String rawId, String query) {
        String id = URLDecoder.decode(rawId, StandardCharsets.UTF_8);
        if (id.isEmpty() || id.getBytes(StandardCharsets.UTF_8).length > 256) {
            return new Answer(400, error("a series id is 1 to 256 bytes"), 0);
        }
        KafkaStreams streams = app.streams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return new Answer(503, error("the forecaster is starting or rebalancing; retry shortly"), 2);
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(ForecastTopology.SERIES_STORE, id,
                Serdes.String().serializer());
        if (owner == null || owner.activeHost() == null || owner.activeHost().port() == -1) {
            return new Answer(503, error("no instance owns this series right now; retry shortly"), 2);
        }
        boolean local = owner.activeHost().host().equals(app.config().get("http.advertised.host"))
                && owner.activeHost().port() == app.config().getInt("http.port");
        if (!local && !"local=true".equals(query)) {
            return forward(owner.activeHost().host(), owner.activeHost().port(), rawId);
        }
        try {
            ReadOnlyKeyValueStore<String, byte[]> latest = streams.store(StoreQueryParameters.fromNameAndType(
                    ForecastTopology.LATEST_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
            ReadOnlyKeyValueStore<String, SeriesState> states = streams.store(StoreQueryParameters.fromNameAndType(
                    ForecastTopology.SERIES_STORE, QueryableStoreTypes.<String, SeriesState>keyValueStore()));
            byte[] forecast = latest.get(id);
            SeriesState st = states.get(id);
            if (forecast == null || st == null) {
                return new Answer(404, error("unknown series"), 0);
            }
            return new Answer(200, "{\"series\":" + quote(id) + ",\"latest_forecast\":"
                    + new String(forecast, StandardCharsets.UTF_8) + ",\"state\":{\"points\":" + st.count
                    + ",\"last_ts\":" + st.lastTs + ",\"step_ms\":" + st.step + ",\"scale\":" + finite(st.scale())
                    + ",\"model_version\":" + st.modelVersion + ",\"recent_errors\":" + st.errorCount + "}}", 0);
        } catch (InvalidStateStoreException e) {
            return new Answer(503, error("the state store is being restored or moved; retry shortly"), 2);
        }
    }

    private Answer forward(String host, int port, String rawId) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://" + host + ":" + port + "/series/" + rawId + "?local=true"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.statusCode() == 503 ? 2 : 0);
        } catch (Exception e) {
            return new Answer(503, error("the owning instance " + host + ":" + port + " did not answer; retry"), 2);
        }
    }

    private static String finite(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    static String error(String message) {
        return "{\"error\":" + quote(message) + "}";
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        dev.streamcast.app.record.ForecastJson.appendString(sb, s);
        return sb.toString();
    }
}
