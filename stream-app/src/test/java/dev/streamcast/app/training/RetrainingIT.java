package dev.streamcast.app.training;

import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.runtime.ForecasterApp;
import dev.streamcast.app.runtime.KafkaTestClients;
import dev.streamcast.kafkalocal.LocalKafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Retraining on a real broker with two instances: one trainer (elected by Kafka), both serve the same version,
 * the role fails over when the trainer's instance stops, and the serving version survives a restart.
 */
class RetrainingIT {

    private static final String APP = "it-retrain";
    private static final int SERIES = 20;
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

    private AppConfig config(String name, boolean retrain, int httpPort) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("bootstrap.servers", broker.bootstrapServers());
        o.put("application.id", APP);
        o.put("state.dir", tmp.resolve(name).toString());
        o.put("processing.guarantee", "at_least_once");
        o.put("commit.interval.ms", "200");
        o.put("topic.partitions", "4");
        o.put("http.port", Integer.toString(httpPort));
        o.put("retrain.enabled", Boolean.toString(retrain));
        o.put("retrain.min.samples", "200");
        o.put("retrain.every.samples", "300");
        o.put("retrain.min.interval.ms", "0");
        o.put("retrain.reservoir", "600");
        o.put("retrain.epochs", "8");
        o.put("model.units", "8");
        return AppConfig.load(null, Map.of(), o);
    }

    private static ForecasterApp start(AppConfig cfg) {
        ForecasterApp app = new ForecasterApp(cfg, new ModelRegistry(), new AppMetrics());
        app.start();
        return app;
    }

    /** Seasonal series: a shape a model can learn; {@code period} changes the regime. */
    private static void produce(int fromStep, int steps, int period, long seed) {
        Random noise = new Random(seed);
        try (KafkaProducer<String, String> p = KafkaTestClients.producer(broker.bootstrapServers())) {
            for (int t = fromStep; t < fromStep + steps; t++) {
                for (int s = 0; s < SERIES; s++) {
                    double v = 50 + s + 10 * Math.sin(2 * Math.PI * (t + s) / period) + 0.3 * noise.nextGaussian();
                    KafkaTestClients.send(p, "observations", "series-" + s,
                            "{\"ts\":" + (t * 60_000L) + ",\"value\":" + v + "}");
                }
            }
            p.flush();
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void oneTrainerBothServeItsModelTheRoleFailsOverAndTheVersionSurvivesRestarts() throws Exception {
        ForecasterApp a = start(config("a", true, 18081));
        ForecasterApp b = start(config("b", true, 18082));
        try {
            produce(0, 150, 12, 1);
            await("the first model on both instances", Duration.ofSeconds(120),
                    () -> a.registry().current().version() >= 1 && b.registry().current().version() >= 1);
            assertEquals(a.registry().current().version(), b.registry().current().version());
            await("one active trainer", Duration.ofSeconds(30),
                    () -> a.trainer().isActive() ^ b.trainer().isActive());
            ForecasterApp trainer = a.trainer().isActive() ? a : b;
            ForecasterApp survivor = trainer == a ? b : a;
            int before = survivor.registry().current().version();
            trainer.close();

            // A new regime: the serving model is now wrong, so the next candidate beats it on the hold-out.
            produce(150, 200, 7, 2);
            await("the surviving instance to take the trainer role", Duration.ofSeconds(60),
                    () -> survivor.trainer().isActive());
            await("a model published by the new trainer", Duration.ofSeconds(150),
                    () -> survivor.trainer().publishedCount() >= 1 && survivor.registry().current().version() > before);
        } finally {
            a.close();
            b.close();
        }
        int served = a.registry().current().version() >= b.registry().current().version()
                ? Math.max(a.registry().current().version(), b.registry().current().version())
                : b.registry().current().version();
        ForecasterApp c = start(config("c", false, 18083));
        try {
            await("the restarted instance to serve the latest version from the models topic", Duration.ofSeconds(60),
                    () -> c.registry().current().version() == served);
            assertTrue(c.registry().current().document() != null, "the served model is the published document");
        } finally {
            c.close();
        }
    }
}
