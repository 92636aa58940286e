package dev.streamcast.app.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.topology.DeadLetters;
import dev.streamcast.kafkalocal.LocalKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forecaster against a real broker, exactly-once: every accepted event gets exactly one forecast. */
class ForecasterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalKafkaBroker broker;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startEphemeral();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private AppConfig config(String appId, Path stateDir) {
        return AppConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "application.id", appId,
                "state.dir", stateDir.toString(),
                "retrain.enabled", "false",
                "topic.partitions", "3",
                "topic.observations", appId + "-obs",
                "topic.forecasts", appId + "-fc",
                "topic.dlq", appId + "-dlq",
                "topic.models", appId + "-models",
                "topic.training", appId + "-samples"));
    }

    @Test
    void exactlyOneForecastPerAcceptedEventAndStateSurvivesLosingTheLocalStore() throws Exception {
        String app = "it-exactly-once";
        int keys = 20;
        int perKey = 30;
        AppConfig cfg = config(app, tmp.resolve("state-1"));
        try (ForecasterApp forecaster = new ForecasterApp(cfg, new ModelRegistry(), new AppMetrics())) {
            forecaster.start();
            try (KafkaProducer<String, String> p = KafkaTestClients.producer(broker.bootstrapServers())) {
                for (int t = 0; t < perKey; t++) {
                    for (int k = 0; k < keys; k++) {
                        KafkaTestClients.send(p, app + "-obs", "key-" + k,
                                "{\"ts\":" + (1_000_000L + t * 60_000L) + ",\"value\":" + (k + Math.sin(t)) + "}");
                    }
                }
                KafkaTestClients.send(p, app + "-obs", "key-0", "{broken");
                KafkaTestClients.send(p, app + "-obs", "key-1", "{\"ts\":1000000,\"value\":5}"); // out of order
                KafkaTestClients.send(p, app + "-obs", "key-2", "{\"ts\":2000000000,\"value\":\"Infinity\"}");
                p.flush();
            }
            List<ConsumerRecord<String, byte[]>> forecasts = KafkaTestClients.readUntil(broker.bootstrapServers(),
                    app + "-fc", got -> got.size() >= keys * perKey, Duration.ofSeconds(60));
            assertEquals(keys * perKey, forecasts.size(), "one forecast per accepted event, none doubled");
            Set<String> distinct = new HashSet<>();
            for (ConsumerRecord<String, byte[]> r : forecasts) {
                JsonNode f = JSON.readTree(r.value());
                distinct.add(r.key() + "@" + f.get("ts").asLong());
                assertEquals(r.key(), f.get("series").asText());
            }
            assertEquals(keys * perKey, distinct.size());
            List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readUntil(broker.bootstrapServers(),
                    app + "-dlq", got -> got.size() >= 3, Duration.ofSeconds(30));
            Map<String, String> reasons = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : dead) {
                reasons.put(r.key(), new String(r.headers().lastHeader(DeadLetters.REASON).value(),
                        StandardCharsets.UTF_8));
            }
            assertEquals(Map.of("key-0", "malformed", "key-1", "out_of_order", "key-2", "non_finite"), reasons);
        }

        // Restart on an empty state directory: the state comes back from the changelog, so the series remember
        // their last timestamps (an old point is refused) and keep counting (forecasts stay warm).
        try (ForecasterApp again = new ForecasterApp(config(app, tmp.resolve("state-2")), new ModelRegistry(),
                new AppMetrics())) {
            again.start();
            try (KafkaProducer<String, String> p = KafkaTestClients.producer(broker.bootstrapServers())) {
                KafkaTestClients.send(p, app + "-obs", "key-5", "{\"ts\":1060000,\"value\":1}");
                KafkaTestClients.send(p, app + "-obs", "key-5",
                        "{\"ts\":" + (1_000_000L + perKey * 60_000L) + ",\"value\":7}");
                p.flush();
            }
            List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readUntil(broker.bootstrapServers(),
                    app + "-dlq", got -> got.size() >= 4, Duration.ofSeconds(60));
            assertEquals(4, dead.size());
            assertEquals("out_of_order", new String(dead.get(3).headers().lastHeader(DeadLetters.REASON).value(),
                    StandardCharsets.UTF_8));
            List<ConsumerRecord<String, byte[]>> forecasts = KafkaTestClients.readUntil(broker.bootstrapServers(),
                    app + "-fc", got -> got.size() >= keys * perKey + 1, Duration.ofSeconds(60));
            assertEquals(keys * perKey + 1, forecasts.size());
            JsonNode last = JSON.readTree(forecasts.stream().filter(r -> r.key().equals("key-5"))
                    .reduce((a, b) -> b).orElseThrow().value());
            assertEquals(1_000_000L + perKey * 60_000L, last.get("ts").asLong());
            assertTrue(last.get("warm").asBoolean());
            assertEquals(60_000L, last.get("horizon").get(0).get("ts").asLong() - last.get("ts").asLong());
        }
    }
}
