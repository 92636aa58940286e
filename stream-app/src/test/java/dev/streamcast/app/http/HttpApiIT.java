package dev.streamcast.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.kafkalocal.LocalKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every HTTP endpoint against a real broker, with two instances of one application in this JVM: each owns some
 * partitions, and a series owned by one is asked for through the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpApiIT {

    static final int SERIES = 24;
    static final int POINTS = 12;
    static final String XSS = "<img src=x onerror=alert(1)>";
    private static final ObjectMapper JSON = new ObjectMapper();

    LocalKafkaBroker broker;
    Instance a;
    Instance b;

    @BeforeAll
    void startCluster(@TempDir Path stateA, @TempDir Path stateB) throws Exception {
        broker = LocalKafkaBroker.startEphemeral();
        a = new Instance(broker.bootstrapServers(), "http-it", stateA, Map.of());
        b = new Instance(broker.bootstrapServers(), "http-it", stateB, Map.of());
        a.start();
        b.start();
        await("both instances RUNNING with tasks each", 45_000, () -> a.running() && b.running()
                && hasActiveTasks(a) && hasActiveTasks(b));
        try (Observations obs = new Observations(broker.bootstrapServers())) {
            for (int t = 0; t < POINTS; t++) {
                for (int s = 0; s < SERIES; s++) {
                    obs.point("s-" + s, 1_700_000_000_000L + t * 60_000L, 10 + s + Math.sin(t));
                }
                obs.point(XSS, 1_700_000_000_000L + t * 60_000L, t);
            }
            obs.raw("s-0", "not json");
            obs.flush();
        }
        await("the last point of every series is forecast", 30_000, () -> {
            for (int s = 0; s < SERIES; s++) {
                HttpResponse<String> r = a.get("/series/s-" + s);
                if (r.statusCode() != 200 || json(r).at("/state/points").asInt() != POINTS) {
                    return false;
                }
            }
            return true;
        });
    }

    @AfterAll
    void stopCluster() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort: the next resource must still close
            }
        }
    }

    @Test
    void seriesOwnedByTheOtherInstanceIsAnsweredThroughEither() {
        Set<String> servers = new HashSet<>();
        for (int s = 0; s < SERIES; s++) {
            String id = "s-" + s;
            for (Instance asked : List.of(a, b)) {
                HttpResponse<String> r = asked.get("/series/" + id);
                assertEquals(200, r.statusCode(), r.body());
                JsonNode body = json(r);
                assertEquals(id, body.get("series").asText());
                assertEquals(id, body.at("/latest_forecast/series").asText());
                assertEquals(POINTS, body.at("/state/points").asInt());
                assertEquals(6, body.at("/latest_forecast/horizon").size());
                servers.add(body.get("served_by").asText());
            }
        }
        assertEquals(Set.of("127.0.0.1:" + a.port, "127.0.0.1:" + b.port), servers,
                "both instances own some series, and each answered for the other's");
        // Explicitly: one series owned by B, asked through A.
        String ownedByB = ownedBy(b);
        JsonNode viaA = json(a.get("/series/" + ownedByB));
        assertEquals("127.0.0.1:" + b.port, viaA.get("served_by").asText());
        assertEquals(ownedByB, viaA.get("series").asText());
    }

    @Test
    void unknownSeriesIs404AndBadIdsAre400() {
        HttpResponse<String> unknown = a.get("/series/never-seen");
        assertEquals(404, unknown.statusCode());
        assertEquals("never-seen", json(unknown).get("series").asText());
        assertEquals(400, RawHttp.status(a.port, "/series/%ZZ"), "broken percent escape");
        assertEquals(400, a.get("/series/" + "x".repeat(257)).statusCode(), "longer than 256 bytes");
        HttpResponse<String> control = a.get("/series/a%0Ab");
        assertEquals(404, control.statusCode(), "a control character is a key the stream accepts: here unknown");
        assertEquals("a\nb", json(control).get("series").asText());
        assertEquals(400, a.get("/series/%C3%28").statusCode(), "not UTF-8");
        assertEquals(414, a.get("/series/" + "y".repeat(3000)).statusCode(), "request target too long");
    }

    @Test
    void injectedSeriesNameComesBackEscapedAsData() {
        HttpResponse<String> r = a.get("/series/" + SeriesIds.encode(XSS));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(XSS, json(r).get("series").asText());
        assertFalse(r.body().contains("<img"), "angle brackets are escaped in the JSON: " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void seriesListingCoversBothInstances() {
        JsonNode all = json(a.get("/series?limit=1000"));
        List<String> ids = new ArrayList<>();
        all.get("series").forEach(n -> ids.add(n.asText()));
        assertEquals(SERIES + 1, ids.size(), all.toString());
        assertTrue(ids.contains(XSS));
        assertEquals(2, all.get("instances").size());
        all.get("instances").forEach(i -> assertTrue(i.get("ok").asBoolean(), all.toString()));
        JsonNode filtered = json(b.get("/series?q=S-1"));
        filtered.get("series").forEach(n -> assertTrue(n.asText().startsWith("s-1"), n.asText()));
        assertEquals(11, filtered.get("count").asInt(), "s-1 and s-10..s-19, case-insensitive");
        JsonNode limited = json(a.get("/series?limit=5"));
        assertEquals(5, limited.get("count").asInt());
        assertTrue(limited.get("truncated").asBoolean());
        assertEquals(400, a.get("/series?limit=abc").statusCode(), "a limit that is not a number is an error");
        assertEquals(400, a.get("/series?limit=0").statusCode(), "as is one outside 1..2000");
    }

    @Test
    void healthReadinessAndMetrics() {
        for (Instance i : List.of(a, b)) {
            assertEquals(200, i.get("/health").statusCode());
            HttpResponse<String> ready = i.get("/ready");
            assertEquals(200, ready.statusCode());
            assertEquals("RUNNING", json(ready).get("streams").asText());
            HttpResponse<String> m = i.get("/metrics");
            assertEquals(200, m.statusCode());
            assertTrue(m.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            for (String name : List.of("streamcast_events_accepted_total", "streamcast_forecasts_total",
                    "streamcast_dlq_total{reason=\"malformed\"}", "streamcast_step_seconds_count",
                    "streamcast_onestep_error_scaled", "streamcast_model_version", "streamcast_ready 1.0",
                    "kafka_stream_thread_process_total")) {
                assertTrue(m.body().contains(name), name + " missing from /metrics");
            }
        }
        double accepted = counter(a, "streamcast_events_accepted_total") + counter(b, "streamcast_events_accepted_total");
        assertEquals((SERIES + 1) * POINTS, accepted, 0.0, "every accepted event counted once, across instances");
        double malformed = counter(a, "streamcast_dlq_total{reason=\"malformed\"}")
                + counter(b, "streamcast_dlq_total{reason=\"malformed\"}");
        assertEquals(1.0, malformed, 0.0);
        double scored = counter(a, "streamcast_onestep_error_scaled_count")
                + counter(b, "streamcast_onestep_error_scaled_count");
        assertTrue(scored > 0, "one-step errors are recorded once forecasts can be scored");
    }

    @Test
    void statsAndModelDocument() {
        JsonNode stats = json(a.get("/stats"));
        assertEquals("RUNNING", stats.get("streams").asText());
        assertTrue(stats.get("events_accepted").asDouble() > 0);
        assertEquals(0, stats.get("model_version").asInt());
        assertEquals(0, stats.at("/model_versions/0/version").asInt());
        assertTrue(stats.at("/dead_letters").has("out_of_order"));
        HttpResponse<String> model = a.get("/models/current");
        assertEquals(200, model.statusCode());
        assertEquals(0, json(model).get("version").asInt());
        assertEquals(200, a.get("/models/current?weights=true").statusCode());
    }

    @Test
    void onlyReadsAreAllowedAndOnlyKnownFilesServed() {
        HttpResponse<String> post = Instance.send(HttpRequest.newBuilder(URI.create(a.url("/series/s-1")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> page = a.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals(200, a.get("/assets/app.js").statusCode());
        assertEquals(404, RawHttp.status(a.port, "/assets/../../etc/passwd"));
        assertEquals(404, a.get("/assets/index.html.bak").statusCode());
        assertEquals(404, a.get("/nope").statusCode());
    }

    @Test
    void anInstanceThatHasNotStartedSaysSoWithRetryAfter(@TempDir Path state) {
        try (Instance idle = new Instance(broker.bootstrapServers(), "http-it-idle", state, Map.of())) {
            idle.http.start();
            HttpResponse<String> r = idle.get("/series/s-1");
            assertEquals(503, r.statusCode());
            assertNotEquals("", r.headers().firstValue("Retry-After").orElse(""));
            assertEquals(503, idle.get("/ready").statusCode());
            assertEquals(503, idle.get("/series").statusCode());
        }
    }

    /** Last, as it changes the group: while a third instance joins, answers are 200 or a 503 with Retry-After. */
    @Test
    @Order(Integer.MAX_VALUE)
    void whileTheGroupRebalancesAnswersAreCorrectOrRetryable(@TempDir Path stateC) throws Exception {
        try (Instance c = new Instance(broker.bootstrapServers(), "http-it", stateC, Map.of())) {
            c.start();
            long until = System.currentTimeMillis() + 8_000;
            int ok = 0;
            int retry = 0;
            while (System.currentTimeMillis() < until) {
                for (int s = 0; s < SERIES; s += 3) {
                    HttpResponse<String> r = a.get("/series/s-" + s);
                    if (r.statusCode() == 200) {
                        assertEquals("s-" + s, json(r).get("series").asText());
                        ok++;
                    } else {
                        assertEquals(503, r.statusCode(), r.body());
                        assertTrue(r.headers().firstValue("Retry-After").isPresent(), "503 without Retry-After");
                        retry++;
                    }
                }
            }
            assertTrue(ok > 0, "answers resume: " + ok + " x 200, " + retry + " x 503");
        }
    }

    private String ownedBy(Instance owner) {
        for (int s = 0; s < SERIES; s++) {
            JsonNode body = json(owner.get("/series/s-" + s + "?local=true"));
            if (("127.0.0.1:" + owner.port).equals(body.path("served_by").asText())) {
                return "s-" + s;
            }
        }
        return fail("instance on port " + owner.port + " owns no series");
    }

    private static double counter(Instance i, String name) {
        for (String line : i.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }

    private static boolean hasActiveTasks(Instance i) {
        return i.app.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty());
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    static void await(String what, long timeoutMs, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out after " + timeoutMs + " ms waiting for: " + what);
            }
            Thread.sleep(200);
        }
    }
}
