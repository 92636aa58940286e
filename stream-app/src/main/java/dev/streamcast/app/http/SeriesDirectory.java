package dev.streamcast.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.runtime.ForecasterApp;
import dev.streamcast.app.state.SeriesState;
import dev.streamcast.app.topology.ForecastTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code GET /series?q=TEXT&limit=N}: known series ids whose name contains TEXT (case-insensitive), from this
 * instance's stores and, unless {@code local=true}, from every other instance of the application. Each instance
 * scans at most {@link #SCAN_CAP} keys, so the answer stays cheap with millions of series (then marked truncated).
 */
final class SeriesDirectory {

    static final int SCAN_CAP = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ForecasterApp app;
    private final HostInfo self;
    private final Peers peers;

    SeriesDirectory(ForecasterApp app, HostInfo self, Peers peers) {
        this.app = app;
        this.self = self;
        this.peers = peers;
    }

    Reply list(Query query) {
        String filter = query.get("q", "").toLowerCase(Locale.ROOT);
        int limit;
        try {
            limit = query.intValue("limit", 200, 1, 2000);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        }
        KafkaStreams streams = app.streams();
        if (streams == null || streams.state() == KafkaStreams.State.CREATED) {
            return Reply.unavailable("the forecaster is starting; retry shortly", 2);
        }
        TreeSet<String> ids = new TreeSet<>();
        List<String> instances = new ArrayList<>();
        boolean truncated = local(streams, filter, limit, ids);
        instances.add(instanceJson(self, true, ids.size()));
        if (!query.flag("local")) {
            for (StreamsMetadata m : streams.streamsMetadataForStore(ForecastTopology.SERIES_STORE)) {
                if (m.hostInfo().equals(self) || m.hostInfo().port() < 0) {
                    continue;
                }
                truncated |= remote(m.hostInfo(), query.get("q", ""), limit, ids, instances);
            }
        }
        while (ids.size() > limit) {
            ids.pollLast();
            truncated = true;
        }
        StringBuilder sb = new StringBuilder("{\"series\":[");
        int i = 0;
        for (String id : ids) {
            sb.append(i++ == 0 ? "" : ",").append(Reply.quote(id));
        }
        sb.append("],\"count\":").append(ids.size()).append(",\"truncated\":").append(truncated)
                .append(",\"instances\":[").append(String.join(",", instances)).append("]}");
        return Reply.json(200, sb.toString());
    }

    /** Adds matching local ids; returns whether the scan stopped early. */
    private static boolean local(KafkaStreams streams, String filter, int limit, TreeSet<String> out) {
        try {
            // The series-state stores are complete (persistent, restored); the latest-forecast one is memory only.
            // A series is in one of the two (the set drops the rare one seen in both while it moves).
            int scanned = 0;
            String[] stores = {ForecastTopology.BUSY_SERIES_STORE, ForecastTopology.SERIES_STORE};
            for (int i = 0; i < stores.length; i++) {
                ReadOnlyKeyValueStore<String, SeriesState> states = streams.store(StoreQueryParameters
                        .fromNameAndType(stores[i], QueryableStoreTypes.<String, SeriesState>keyValueStore()));
                try (KeyValueIterator<String, SeriesState> it = states.all()) {
                    while (it.hasNext()) {
                        KeyValue<String, SeriesState> kv = it.next();
                        if (filter.isEmpty() || kv.key.toLowerCase(Locale.ROOT).contains(filter)) {
                            out.add(kv.key);
                        }
                        if (++scanned >= SCAN_CAP || out.size() >= limit) {
                            return it.hasNext() || i < stores.length - 1;
                        }
                    }
                }
            }
            return false;
        } catch (InvalidStateStoreException e) {
            return true; // stores are moving: a partial list beats an error for a picker
        }
    }

    private boolean remote(HostInfo host, String q, int limit, TreeSet<String> out, List<String> instances) {
        HttpResponse<String> r = peers.get(host, "/series?local=true&limit=" + limit + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (r == null || r.statusCode() != 200) {
            instances.add(instanceJson(host, false, 0));
            return true;
        }
        try {
            JsonNode body = JSON.readTree(r.body());
            int before = out.size();
            body.path("series").forEach(n -> out.add(n.asText()));
            instances.add(instanceJson(host, true, out.size() - before));
            return body.path("truncated").asBoolean(false);
        } catch (Exception e) {
            instances.add(instanceJson(host, false, 0));
            return true;
        }
    }

    private static String instanceJson(HostInfo h, boolean ok, int count) {
        return "{\"instance\":" + Reply.quote(h.host() + ":" + h.port()) + ",\"ok\":" + ok + ",\"series\":" + count
                + "}";
    }
}
