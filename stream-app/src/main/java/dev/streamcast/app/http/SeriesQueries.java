package dev.streamcast.app.http;

import dev.streamcast.app.runtime.ForecasterApp;
import dev.streamcast.app.state.SeriesState;
import dev.streamcast.app.topology.ForecastTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /series/{id}}: the series' latest forecast and a state summary. Answered from the local stores when
 * this instance owns the key's partition, otherwise fetched once from the owner (interactive queries).
 * 400 for an id that cannot be a key, 404 for a series never seen, 503 + Retry-After while the key's store is
 * rebalancing or restoring, or its owner cannot be reached.
 */
final class SeriesQueries {

    private static final int RETRY_S = 2;

    private final ForecasterApp app;
    private final HostInfo self;
    private final Peers peers;

    SeriesQueries(ForecasterApp app, HostInfo self, Peers peers) {
        this.app = app;
        this.self = self;
        this.peers = peers;
    }

    Reply lookup(String rawId, Query query) {
        String id = SeriesIds.decode(rawId);
        if (id == null) {
            return Reply.error(400, "a series id is 1 to 256 bytes of UTF-8, percent-encoded in the path");
        }
        KafkaStreams streams = app.streams();
        KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            return Reply.unavailable("the forecaster is " + state + "; retry shortly", RETRY_S);
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(ForecastTopology.SERIES_STORE, id,
                Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost().port() < 0) {
            return Reply.unavailable("no instance owns this series right now (rebalancing); retry shortly", RETRY_S);
        }
        if (!owner.activeHost().equals(self)) {
            // A routed request that lands on a non-owner means the metadata moved under it: retry, do not bounce.
            return query.flag("local") ? Reply.unavailable("the series is moving between instances; retry", RETRY_S)
                    : forward(owner.activeHost(), id);
        }
        return local(streams, id, owner.partition());
    }

    private Reply local(KafkaStreams streams, String id, int partition) {
        try {
            ReadOnlyKeyValueStore<String, byte[]> latest = streams.store(StoreQueryParameters.fromNameAndType(
                    ForecastTopology.LATEST_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore())
                    .withPartition(partition));
            ReadOnlyKeyValueStore<String, SeriesState> quiet = states(streams, ForecastTopology.SERIES_STORE,
                    partition);
            ReadOnlyKeyValueStore<String, SeriesState> busy = states(streams, ForecastTopology.BUSY_SERIES_STORE,
                    partition);
            byte[] forecast = latest.get(id);
            // A series moving between the two stores is written to its new one before it leaves the old one: in
            // this order one of the three reads finds it, whichever way it moves.
            SeriesState st = busy.get(id);
            if (st == null) {
                st = quiet.get(id);
            }
            if (st == null) {
                st = busy.get(id);
            }
            if (st == null) {
                return Reply.json(404, "{\"error\":\"unknown series\",\"series\":" + Reply.quote(id) + "}");
            }
            // The latest forecast is kept in memory only: after a restart or a move it is null until the next event.
            return Reply.json(200, "{\"series\":" + Reply.quote(id) + ",\"served_by\":"
                    + Reply.quote(self.host() + ":" + self.port()) + ",\"partition\":" + partition
                    + ",\"latest_forecast\":" + (forecast == null ? "null" : new String(forecast, StandardCharsets.UTF_8))
                    + ",\"state\":" + summary(st) + "}");
        } catch (InvalidStateStoreException e) {
            return Reply.unavailable("the series' state store is being restored or moved; retry shortly", RETRY_S);
        }
    }

    private static ReadOnlyKeyValueStore<String, SeriesState> states(KafkaStreams streams, String store,
                                                                     int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(store,
                QueryableStoreTypes.<String, SeriesState>keyValueStore()).withPartition(partition));
    }

    /** What the dashboard shows beside the chart: how much the series has seen and how wrong it has been lately. */
    private static String summary(SeriesState st) {
        double sum = 0;
        for (int i = 0; i < st.errorCount; i++) {
            sum += st.errors[i];
        }
        double meanScaledError = st.errorCount == 0 ? Double.NaN : sum / st.errorCount;
        return "{\"points\":" + st.count + ",\"last_ts\":" + st.lastTs + ",\"step_ms\":" + st.step
                + ",\"last_value\":" + Reply.number(st.lastValue) + ",\"scale\":" + Reply.number(st.scale())
                + ",\"model_version\":" + st.modelVersion + ",\"recent_errors\":" + st.errorCount
                + ",\"recent_error_mean_scaled\":" + Reply.number(meanScaledError) + "}";
    }

    private Reply forward(HostInfo owner, String id) {
        // Re-encoded from the decoded id: nothing of the caller's raw path reaches the peer unchecked.
        HttpResponse<String> r = peers.get(owner, "/series/" + SeriesIds.encode(id) + "?" + Peers.ROUTED);
        if (r == null) {
            return Reply.unavailable("the owning instance " + owner.host() + ":" + owner.port()
                    + " did not answer; retry shortly", RETRY_S);
        }
        int retry = r.statusCode() == 503 ? RETRY_S : 0;
        return new Reply(r.statusCode(), Reply.JSON, r.body(), retry);
    }
}
