package dev.streamcast.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.runtime.ForecasterApp;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP surface of one instance (JDK server, no framework). Read-only: GET and HEAD only, request bodies never
 * read, request targets capped at {@link #MAX_TARGET} characters.
 *
 * <pre>
 * GET /health            liveness             GET /series?q=&amp;limit=   known series ids (all instances)
 * GET /ready             readiness (RUNNING)  GET /series/{id}        latest forecast + state, routed to the owner
 * GET /metrics           Prometheus text      GET /models/current     model document (?weights=true for weights)
 * GET /stats             JSON meters          GET /                   dashboard (assets under /assets/)
 * </pre>
 */
public final class HttpApi implements AutoCloseable {

    static final int MAX_TARGET = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AppMetrics metrics;
    private final StatusView status;
    private final SeriesQueries series;
    private final SeriesDirectory directory;
    private final StatsView stats;
    private final ModelRegistry registry;
    private final Dashboard dashboard = new Dashboard();
    private final BearerToken auth;
    private final QueryBudget budget;

    public HttpApi(AppConfig config, ForecasterApp app, ModelRegistry registry, AppMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        // The host:port Kafka Streams advertises as application.server: keys owned elsewhere are routed there.
        HostInfo self = new HostInfo(config.get("http.advertised.host"), config.getInt("http.port"));
        this.auth = BearerToken.from(config);
        this.budget = QueryBudget.from(config);
        Peers peers = new Peers(auth.authorization());
        this.status = new StatusView(app);
        this.series = new SeriesQueries(app, self, peers);
        this.directory = new SeriesDirectory(app, self, peers);
        this.stats = new StatsView(metrics, registry, status, self.host() + ":" + self.port());
        metrics.bindStreamsState(status::streamsState);
        try {
            server = HttpServer.create(new InetSocketAddress(config.get("http.host"), config.getInt("http.port")), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.get("http.host") + ":"
                    + config.getInt("http.port") + ": " + e.getMessage(), e);
        }
        // Enough threads that a routed query waiting on a peer (which may be routing to us) never starves us.
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "streamcast-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String route = "other";
        Reply reply;
        try {
            String method = ex.getRequestMethod();
            String target = ex.getRequestURI().getRawPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                reply = Reply.error(405, "read-only API: GET or HEAD");
            } else if (ex.getRequestURI().toString().length() > MAX_TARGET) {
                reply = Reply.error(414, "request target longer than " + MAX_TARGET + " characters");
            } else if (!auth.allows(target, ex.getRequestHeaders())) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"streamcast\"");
                reply = Reply.error(401, "this endpoint needs the header Authorization: Bearer <http.auth.token>");
            } else {
                route = routeOf(target);
                if (!budget.acquire(route)) {
                    reply = new Reply(429, Reply.JSON, "{\"error\":\"too many queries at once; retry\"}", 1);
                } else {
                    try {
                        reply = dispatch(route, target, Query.parse(ex.getRequestURI().getRawQuery()));
                    } finally {
                        budget.release(route);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("HTTP request {} failed", ex.getRequestURI(), e);
            reply = Reply.error(500, "internal error");
        }
        metrics.httpRequest(route, reply.status());
        write(ex, reply);
    }

    /** A small fixed set of route names, so the request metric's cardinality stays bounded. */
    private static String routeOf(String path) {
        if (path.startsWith("/series/")) {
            return "series_id";
        }
        if (path.startsWith("/assets/") || path.equals("/")) {
            return "dashboard";
        }
        return switch (path) {
            case "/health", "/ready", "/metrics", "/stats", "/series", "/models/current" -> path.substring(1)
                    .replace('/', '_');
            default -> "other";
        };
    }

    private Reply dispatch(String route, String path, Query query) {
        return switch (route) {
            case "health" -> status.health();
            case "ready" -> status.ready();
            case "metrics" -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape(), 0);
            case "stats" -> stats.render();
            case "series" -> directory.list(query);
            case "series_id" -> series.lookup(path.substring("/series/".length()), query);
            case "models_current" -> ModelView.current(registry.current(), query);
            case "dashboard" -> dashboard.file(path.equals("/") ? "index.html" : path.substring("/assets/".length()));
            default -> Reply.error(404, "no such endpoint; see / for the dashboard");
        };
    }

    private static void write(HttpExchange ex, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", reply.contentType());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cache-Control", "no-store");
        if (reply.contentType().startsWith("text/html")) {
            h.set("Content-Security-Policy", Dashboard.CSP);
        }
        if (reply.retryAfterSeconds() > 0) {
            h.set("Retry-After", Integer.toString(reply.retryAfterSeconds()));
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(reply.status(), head ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
