package dev.streamcast.app.http;

import dev.streamcast.app.runtime.ForecasterApp;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code /health} (liveness: 200 while the process runs and Kafka Streams has not failed or stopped) and
 * {@code /ready} (readiness: 200 only in RUNNING, so a load balancer waits out start-up, restores and rebalances).
 */
final class StatusView {

    private final ForecasterApp app;

    StatusView(ForecasterApp app) {
        this.app = app;
    }

    String streamsState() {
        KafkaStreams s = app.streams();
        return s == null ? "NOT_STARTED" : s.state().name();
    }

    Reply health() {
        String state = streamsState();
        boolean alive = state.equals("CREATED") || state.equals("REBALANCING") || state.equals("RUNNING");
        return Reply.json(alive ? 200 : 503, "{\"status\":\"" + (alive ? "up" : "down") + "\",\"streams\":\""
                + state + "\"}");
    }

    Reply ready() {
        String state = streamsState();
        String body = "{\"ready\":" + state.equals("RUNNING") + ",\"streams\":\"" + state + "\"}";
        return state.equals("RUNNING") ? Reply.json(200, body) : new Reply(503, Reply.JSON, body, 2);
    }
}
