package dev.streamcast.app.http;

import org.apache.kafka.streams.state.HostInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls to other instances of the same application over their HTTP servers (the {@code application.server} hosts
 * that Kafka Streams' metadata names). Short timeouts: a slow peer must not tie up this instance's HTTP threads.
 */
final class Peers {

    /** Marks a request already routed once, so that two instances with stale metadata never bounce it forever. */
    static final String ROUTED = "local=true";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** The bearer header every instance of the application accepts, or null when no token is set. */
    private final String authorization;

    Peers() {
        this(null);
    }

    Peers(String authorization) {
        this.authorization = authorization;
    }

    /** GET {@code pathAndQuery} on {@code host}; null when the peer cannot be reached in time. */
    HttpResponse<String> get(HostInfo host, String pathAndQuery) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":"
                    + host.port() + pathAndQuery)).timeout(Duration.ofSeconds(4)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
