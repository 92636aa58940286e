package dev.streamcast.app.security;

import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.http.HttpApi;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.runtime.ForecasterApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP surface with {@code http.auth.token} set (through the environment, as docker-compose would): everything
 * but {@code /health} needs the bearer token; the token is never echoed; expensive queries are rate-bounded.
 * No broker: the app is not started, which the endpoints answer as such.
 */
class HttpAuthTest {

    private static final String TOKEN = "tok-" + Long.toHexString(System.nanoTime()) + "-secret";
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpApi api(Map<String, String> env, Map<String, String> overrides) {
        AppConfig cfg = AppConfig.load(null, env, overrides);
        ModelRegistry registry = new ModelRegistry();
        AppMetrics metrics = new AppMetrics();
        return new HttpApi(cfg, new ForecasterApp(cfg, registry, metrics), registry, metrics);
    }

    @Test
    void everythingButHealthNeedsTheBearerToken() throws Exception {
        try (HttpApi http = api(Map.of("STREAMCAST_HTTP_AUTH_TOKEN", TOKEN),
                Map.of("http.port", "0", "http.host", "127.0.0.1"))) {
            http.start();
            int port = http.port();
            assertNotEquals(401, get(port, "/health", null).statusCode(), "liveness needs no secret");
            for (String path : new String[] {"/metrics", "/stats", "/ready", "/models/current", "/series",
                    "/series/abc", "/", "/assets/app.js", "/nope"}) {
                HttpResponse<String> none = get(port, path, null);
                assertEquals(401, none.statusCode(), path);
                assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), path);
                assertEquals(401, get(port, path, "Bearer wrong-" + TOKEN).statusCode(), path);
                assertEquals(401, get(port, path, "Basic " + TOKEN).statusCode(), path);
                assertFalse(none.body().contains(TOKEN));
            }
            HttpResponse<String> metrics = get(port, "/metrics", "Bearer " + TOKEN);
            assertEquals(200, metrics.statusCode());
            assertFalse(metrics.body().contains(TOKEN), "/metrics never shows the token");
            HttpResponse<String> model = get(port, "/models/current", "bearer " + TOKEN);
            assertEquals(200, model.statusCode(), "the scheme is case-insensitive");
            assertFalse(model.body().contains(TOKEN));
        }
    }

    @Test
    void withoutATokenNothingChanges() throws Exception {
        try (HttpApi http = api(Map.of(), Map.of("http.port", "0", "http.host", "127.0.0.1"))) {
            http.start();
            assertEquals(200, get(http.port(), "/metrics", null).statusCode());
        }
    }

    @Test
    void expensiveQueriesAreRateBounded() throws Exception {
        try (HttpApi http = api(Map.of(), Map.of("http.port", "0", "http.host", "127.0.0.1",
                "http.query.rate", "1"))) {
            http.start();
            int ok = 0;
            int limited = 0;
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> r = get(http.port(), "/models/current", null);
                if (r.statusCode() == 429) {
                    limited++;
                    assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
                } else {
                    ok++;
                }
            }
            assertTrue(ok >= 2 && limited >= 2, ok + " answered, " + limited + " limited");
            for (int i = 0; i < 10; i++) {
                assertEquals(200, get(http.port(), "/metrics", null).statusCode(), "cheap endpoints are free");
            }
        }
    }
}
