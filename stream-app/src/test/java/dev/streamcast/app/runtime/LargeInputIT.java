package dev.streamcast.app.runtime;

import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.topology.DeadLetters;
import dev.streamcast.kafkalocal.LocalKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An input larger than the forecaster's producer may send (its input topic takes 3 MB records, the producer 1 MB):
 * its dead letter is cut to fit instead of failing its send, which had failed the task again after every restart.
 */
class LargeInputIT {

    private static final int LARGE = 1_500_000;

    @TempDir
    Path tmp;

    @Test
    void anInputTooLargeToDeadLetterWholeIsCutAndTheNextOnesAreForecast() throws Exception {
        String app = "it-large";
        try (LocalKafkaBroker broker = LocalKafkaBroker.startEphemeral()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(app + "-obs", 1, (short) 1)
                        .configs(Map.of("max.message.bytes", "3000000")))).all().get();
            }
            AppConfig cfg = AppConfig.load(null, Map.of(), Map.of(
                    "bootstrap.servers", broker.bootstrapServers(),
                    "application.id", app,
                    "state.dir", tmp.toString(),
                    "retrain.enabled", "false",
                    "topic.observations", app + "-obs",
                    "topic.forecasts", app + "-fc",
                    "topic.dlq", app + "-dlq",
                    "topic.models", app + "-models",
                    "topic.training", app + "-samples"));
            try (ForecasterApp forecaster = new ForecasterApp(cfg, new ModelRegistry(), new AppMetrics());
                 KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                         ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 3_000_000),
                         new StringSerializer(), new StringSerializer())) {
                forecaster.start();
                p.send(new ProducerRecord<>(app + "-obs", "big", "x".repeat(LARGE))).get();
                p.send(new ProducerRecord<>(app + "-obs", "after", "{\"ts\":0,\"value\":1}")).get();
                p.send(new ProducerRecord<>(app + "-obs", "after", "{\"ts\":60000,\"value\":2}")).get();

                List<ConsumerRecord<String, byte[]>> forecasts = KafkaTestClients.readUntil(
                        broker.bootstrapServers(), app + "-fc", got -> got.size() >= 2, Duration.ofSeconds(60));
                assertEquals(2, forecasts.size(), "the events after it are forecast, once each");
                List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readUntil(broker.bootstrapServers(),
                        app + "-dlq", got -> !got.isEmpty(), Duration.ofSeconds(30));
                assertEquals(1, dead.size());
                ConsumerRecord<String, byte[]> letter = dead.get(0);
                assertEquals("too_large", header(letter, DeadLetters.REASON));
                assertNotNull(header(letter, "error.truncated"), "says what was cut");
                assertTrue(letter.value().length > 1_000_000 && letter.value().length < 1_048_576,
                        "cut to what the producer can send: " + letter.value().length);
                assertEquals("0", header(letter, DeadLetters.OFFSET), "and where the whole record is");
                assertTrue(forecaster.isRunning());
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
