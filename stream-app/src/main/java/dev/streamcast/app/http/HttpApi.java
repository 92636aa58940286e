package dev.streamcast.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.runtime.ForecasterApp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** The HTTP surface of one instance: health, Prometheus metrics, series queries, the current model, dashboard. */
public final class HttpApi implements AutoCloseable {

    private final HttpServer server;

    public HttpApi(AppConfig config, ForecasterApp app, ModelRegistry registry, AppMetrics metrics) {
        try {
            server = HttpServer.create(new InetSocketAddress(config.get("http.host"), config.getInt("http.port")), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.get("http.host") + ":"
                    + config.getInt("http.port") + ": " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "streamcast-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health", ex -> send(ex, app.isRunning() ? 200 : 503, "text/plain",
                app.isRunning() ? "ok\n" : "starting\n"));
        server.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4", metrics.scrape()));
        SeriesQueries series = new SeriesQueries(app);
        server.createContext("/series/", ex -> {
            SeriesQueries.Answer a = series.lookup(ex.getRequestURI().getRawPath().substring("/series/".length()),
                    ex.getRequestURI().getRawQuery());
            if (a.retryAfterSeconds() > 0) {
                ex.getResponseHeaders().add("Retry-After", Integer.toString(a.retryAfterSeconds()));
            }
            send(ex, a.status(), "application/json", a.body());
        });
        server.createContext("/models/current", ex -> {
            boolean weights = "weights=true".equals(ex.getRequestURI().getRawQuery());
            send(ex, 200, "application/json", ModelView.json(registry.current(), weights));
        });
        server.createContext("/", ex -> {
            if (!ex.getRequestURI().getPath().equals("/")) {
                send(ex, 404, "text/plain", "not found\n");
                return;
            }
            send(ex, 200, "text/html; charset=utf-8", Dashboard.page());
        });
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
