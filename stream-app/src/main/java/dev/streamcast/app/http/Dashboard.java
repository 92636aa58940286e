package dev.streamcast.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The dashboard page, a self-contained resource (no network access needed). */
final class Dashboard {

    private Dashboard() {
    }

    static String page() {
        try (InputStream in = Dashboard.class.getResourceAsStream("/dashboard/index.html")) {
            if (in == null) {
                return "<!doctype html><title>streamcast</title><p>dashboard missing from the build</p>";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
