package dev.streamcast.app.http;

import com.sun.net.httpserver.Headers;
import dev.streamcast.app.config.AppConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * The optional shared secret of the HTTP surface ({@code http.auth.token}, env {@code STREAMCAST_HTTP_AUTH_TOKEN}).
 * When set, every request but {@code GET /health} must carry {@code Authorization: Bearer <token>} or gets 401; the
 * instances of one application share the token and send it on the requests they route to each other. When unset
 * (the default) everything is open, as before. The token is compared in constant time and never logged or echoed.
 */
public final class BearerToken {

    public static final String SETTING = "http.auth.token";
    /** Answered without a token, so liveness probes need no secret. */
    static final String OPEN_PATH = "/health";

    private final byte[] expected;

    private BearerToken(String token) {
        this.expected = token == null || token.isBlank() ? null
                : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    /** The token configured in {@code config}, or an open (disabled) one when the setting is absent or blank. */
    public static BearerToken from(AppConfig config) {
        return new BearerToken(config.find(SETTING).orElse(null));
    }

    static BearerToken of(String token) {
        return new BearerToken(token);
    }

    public boolean enabled() {
        return expected != null;
    }

    /** Whether a request for {@code path} with these headers may proceed. */
    boolean allows(String path, Headers headers) {
        if (expected == null || OPEN_PATH.equals(path)) {
            return true;
        }
        List<String> given = headers.get("Authorization");
        if (given == null || given.size() != 1) {
            return false;
        }
        String value = given.get(0).strip();
        // The scheme is case-insensitive (RFC 9110); the token is not.
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return false;
        }
        byte[] actual = ("Bearer " + value.substring(7).strip()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The header value for requests to peer instances, or null when no token is set. */
    String authorization() {
        return expected == null ? null : new String(expected, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return enabled() ? "BearerToken[set]" : "BearerToken[off]";
    }
}
