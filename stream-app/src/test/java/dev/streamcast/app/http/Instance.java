package dev.streamcast.app.http;

import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.runtime.ForecasterApp;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One forecaster instance (ForecasterApp + HttpApi) in the test JVM, wired exactly as {@code run} wires them. */
final class Instance implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final ForecasterApp app;
    final HttpApi http;

    /** Light settings for tests: no retraining, quick commits; {@code extra} overrides. */
    Instance(String bootstrap, String applicationId, Path stateDir, Map<String, String> extra) {
        this.port = freePort();
        Map<String, String> s = new java.util.HashMap<>(Map.of(
                "bootstrap.servers", bootstrap, "application.id", applicationId, "state.dir", stateDir.toString(),
                "processing.guarantee", "at_least_once", "commit.interval.ms", "100", "retrain.enabled", "false",
                "http.host", "127.0.0.1", "http.advertised.host", "127.0.0.1", "http.port", Integer.toString(port)));
        s.putAll(extra);
        AppConfig cfg = AppConfig.load(null, Map.of(), s);
        AppMetrics metrics = new AppMetrics();
        ModelRegistry registry = new ModelRegistry();
        metrics.servingVersion(registry.current().version());
        app = new ForecasterApp(cfg, registry, metrics);
        http = new HttpApi(cfg, app, registry, metrics);
    }

    Instance start() {
        app.start();
        http.start();
        return this;
    }

    boolean running() {
        return app.streams() != null && app.streams().state() == KafkaStreams.State.RUNNING;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.close();
        app.close();
    }
}
