package dev.streamcast.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The dashboard: a fixed set of self-contained files from {@code /dashboard/} on the classpath (no CDN, no network),
 * read once. Only names in {@link #TYPES} are served, so no request path ever reaches the class loader.
 */
final class Dashboard {

    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "chart.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");

    /** Scripts only from this server, no inline script, no framing: an injected tag in data cannot run. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Map<String, String> files;

    Dashboard() {
        Map<String, String> f = new java.util.HashMap<>();
        for (String name : TYPES.keySet()) {
            f.put(name, read(name));
        }
        files = Map.copyOf(f);
    }

    /** The file for {@code /} ({@code index.html}) or {@code /assets/NAME}; 404 for anything else. */
    Reply file(String name) {
        String body = files.get(name);
        if (body == null) {
            return Reply.text(404, "not found\n");
        }
        return new Reply(200, TYPES.get(name), body, 0);
    }

    private static String read(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                return name.endsWith(".html")
                        ? "<!doctype html><title>streamcast</title><p>dashboard missing from the build</p>" : "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
