package dev.streamcast.app.chaos;

import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.forecast.Normalisation;
import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.app.model.RnnModel;
import dev.streamcast.app.model.ServingModel;
import dev.streamcast.app.topology.TopologySettings;
import dev.streamcast.model.Layers;
import dev.streamcast.model.ModelDocument;
import dev.streamcast.model.Sequential;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kill -9 and restart with nothing lost or doubled, proven the way Apache Kafka proves its exactly-once: two
 * forecaster instances as separate JVM processes against a real broker, SIGKILLed at random moments while input with
 * per-key sequence numbers flows (sometimes losing their local state directory too), the broker itself restarted;
 * then a verifier recomputes every expected output from the committed input with an offline replay of the same
 * per-series code under the same fixed model, and compares record by record with what was committed:
 * exactly one forecast per accepted input, bit-identical, and exactly one dead letter per refused input.
 *
 * <p>Short form (part of {@code mvn verify}, about 2-3 minutes). Long form: {@code scripts/chaos.sh} or
 * {@code mvn -f stream-app/pom.xml verify -Dit.test=ChaosIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dchaos.long=true}; knobs {@code chaos.keys}, {@code chaos.events} (per key), {@code chaos.rate} (records/s),
 * {@code chaos.seed}, {@code chaos.instances} (2), {@code chaos.standbys} (0), {@code chaos.broker.restarts},
 * {@code chaos.broker} ({@code process}: the broker is its own JVM
 * and is SIGKILLed, the default; {@code jvm}: in the test JVM, restarted cleanly).
 * {@code -Dchaos.guarantee=at_least_once} is the negative control (the verifier must then report doubled forecasts).
 */
class ChaosIT {

    private static final boolean LONG = Boolean.getBoolean("chaos.long");
    private static final int KEYS = Integer.getInteger("chaos.keys", LONG ? 100 : 40);
    private static final int EVENTS = Integer.getInteger("chaos.events", LONG ? 2000 : 300);
    private static final int RATE = Integer.getInteger("chaos.rate", LONG ? 800 : 220);
    private static final int BROKER_RESTARTS = Integer.getInteger("chaos.broker.restarts", LONG ? 2 : 1);
    /** {@code process}: the broker is its own JVM and is SIGKILLed; {@code jvm}: in the test JVM, clean restarts. */
    private static final String BROKER = System.getProperty("chaos.broker", "process");
    private static final int INSTANCES = Integer.getInteger("chaos.instances", 2);
    private static final int STANDBYS = Integer.getInteger("chaos.standbys", 0);
    private static final long SEED = Long.getLong("chaos.seed", System.nanoTime());
    private static final int WINDOW = 8;
    /** Only for showing that the verifier catches violations: at_least_once must fail this test. */
    private static final String GUARANTEE = System.getProperty("chaos.guarantee", "exactly_once_v2");

    @TempDir
    Path tmp;

    @Test
    void killedInstancesLoseNothingAndDoubleNothing() throws Exception {
        run(false);
    }

    /**
     * The stretch form: retraining on, models published and hot-swapped while instances die. Every forecast must
     * equal the replay under the model version it names, and no series' version may go back.
     */
    @Test
    @EnabledIfSystemProperty(named = "chaos.retrain", matches = "true")
    void withRetrainingEveryForecastMatchesTheReplayUnderItsVersion() throws Exception {
        run(true);
    }

    private void run(boolean retrain) throws Exception {
        Path jar = Path.of(System.getProperty("chaos.jar", "target/stream-app.jar")).toAbsolutePath();
        assertTrue(Files.exists(jar), jar + " is missing: run `mvn package` first (verify builds it)");
        Random rnd = new Random(SEED);
        String app = "chaos-" + Long.toHexString(SEED & 0xffffff);
        Map<String, String> settings = settings(app);
        if (retrain) {
            settings.put("retrain.enabled", "true");
            settings.put("model.units", "8");
            settings.put("retrain.min.samples", "300");
            settings.put("retrain.every.samples", "600");
            settings.put("retrain.min.interval.ms", "2000");
            settings.put("retrain.epochs", "3");
            settings.put("retrain.reservoir", "5000");
        }
        Path modelFile = tmp.resolve("model.json");
        Files.writeString(modelFile, modelDocument(SEED).toJson());
        Path brokerDir = tmp.resolve("broker");
        Files.createDirectories(brokerDir);
        Log log = new Log();
        log.add("seed " + SEED + " (rerun with -Dchaos.seed=" + SEED + "), " + INSTANCES + " instances, " + STANDBYS
                + " standby replicas, " + KEYS + " keys x " + EVENTS
                + " events at " + RATE + "/s, broker restarts " + BROKER_RESTARTS + " (" + BROKER + "), " + GUARANTEE
                + (LONG ? ", long form" : "") + (retrain ? ", retraining on" : ", fixed model"));

        ChaosBroker broker = BROKER.equals("process") ? ChaosBroker.process(brokerDir) : ChaosBroker.inJvm(brokerDir);
        broker.start();
        String bootstrap = broker.bootstrapServers();
        List<ForecasterProcess> instances = new ArrayList<>();
        ChaosInput input = null;
        int kills = 0;
        int wipes = 0;
        int brokerRestarts = 0;
        List<String> problems = new ArrayList<>();
        try {
            createTopics(bootstrap, settings);
            for (int i = 0; i < INSTANCES; i++) {
                Map<String, String> own = new LinkedHashMap<>(settings);
                own.put("http.port", Integer.toString(freePort()));
                instances.add(new ForecasterProcess("instance-" + i, jar, modelFile, tmp, bootstrap, own));
            }
            instances.forEach(ForecasterProcess::start);
            input = new ChaosInput(bootstrap, settings.get("topic.observations"), KEYS, EVENTS, RATE, SEED);
            input.start();
            long started = System.nanoTime();
            double brokerEvery = BROKER_RESTARTS == 0 ? Double.MAX_VALUE : 1.0 / (BROKER_RESTARTS + 1);
            int brokerDone = 0;
            while (input.isAlive()) {
                input.join(4_000 + rnd.nextInt(8_000));
                if (!input.isAlive()) {
                    break;
                }
                checkAlive(instances, problems, log);
                if (brokerDone < BROKER_RESTARTS && input.progress() >= brokerEvery * (brokerDone + 1)) {
                    String how = broker.stop();
                    log.add("broker stopped (" + how + ") at " + Math.round(100 * input.progress())
                            + "% of the input; restarting it");
                    Thread.sleep(1_000 + rnd.nextInt(2_000));
                    broker.start();
                    brokerDone++;
                    brokerRestarts++;
                    continue;
                }
                ForecasterProcess victim = instances.get(rnd.nextInt(instances.size()));
                victim.kill();
                kills++;
                boolean wipe = rnd.nextInt(3) == 0;
                log.add("SIGKILL " + victim.name() + " at " + Math.round(100 * input.progress()) + "% of the input"
                        + (wipe ? ", losing its state directory" : ""));
                if (wipe) {
                    victim.wipeState();
                    wipes++;
                }
                Thread.sleep(300 + rnd.nextInt(3_000));
                victim.start();
            }
            input.join();
            if (input.failure() != null) {
                throw new AssertionError("the input producer failed: " + input.failure() + "\n" + log
                        + "\n--- broker log tail ---\n" + broker.tail(), input.failure());
            }
            log.add("input done: " + input.sent() + " records in "
                    + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s"
                    + (input.resent() > 0 ? ", " + input.resent() + " sent again after a failed delivery" : ""));
            checkAlive(instances, problems, log);

            AppConfig cfg = AppConfig.load(null, Map.of(), settings);
            TopologySettings topology = cfg.topology();
            RnnModel model = ModelDocuments.parse(Files.readString(modelFile));
            ChaosVerifier.Expected expected = ChaosVerifier.expected(bootstrap, topology.observationsTopic(),
                    topology, model);
            log.add("input topic holds " + expected.inputs() + " records: " + expected.forecasts().size()
                    + " to be forecast, " + expected.refusals().size() + " to be refused");
            assertTrue(expected.inputs() >= input.sent(), "the input topic holds every record sent");
            Duration drain = Duration.ofSeconds(LONG ? 120 : 60); // without any new output
            List<ForecasterProcess> running = instances;
            List<ConsumerRecord<byte[], byte[]>> forecasts = ChaosVerifier.readCommitted(bootstrap,
                    topology.forecastsTopic(), expected.forecasts().size(), drain, Duration.ofSeconds(3),
                    () -> running.stream().anyMatch(ForecasterProcess::alive));
            List<ConsumerRecord<byte[], byte[]>> dead = ChaosVerifier.readCommitted(bootstrap,
                    topology.deadLetterTopic(), expected.refusals().size(), Duration.ofSeconds(60),
                    Duration.ofSeconds(1), () -> true);
            log.add("committed output: " + forecasts.size() + " forecasts, " + dead.size() + " dead letters");
            if (retrain) {
                Map<String, Integer> versions = ChaosVerifier.versions(forecasts);
                Map<Integer, ServingModel> models = readModels(bootstrap, topology.modelsTopic());
                models.put(model.version(), model);
                problems.addAll(ChaosVerifier.versionsNeverGoBack(versions));
                java.util.Set<Integer> named = new java.util.TreeSet<>(versions.values());
                for (int v : named) {
                    if (!models.containsKey(v)) {
                        problems.add("forecasts name model version " + v + ", which is not on the models topic");
                    }
                }
                log.add("model versions named by forecasts " + named + ", published " + models.keySet());
                expected = ChaosVerifier.expected(bootstrap, topology.observationsTopic(), topology, model,
                        o -> models.getOrDefault(versions.getOrDefault(
                                ChaosVerifier.forecastKey(o.series(), o.ts()), model.version()), model));
            }
            checkAlive(instances, problems, log);
            problems.addAll(ChaosVerifier.compare(expected, forecasts, dead, topology.observationsTopic()));
        } finally {
            for (ForecasterProcess p : instances) {
                p.close();
            }
            if (input != null) {
                input.interrupt();
            }
            broker.close();
        }
        log.add(kills + " SIGKILLs (" + wipes + " with the state directory lost), " + brokerRestarts
                + " broker restarts; " + problems.size() + " discrepancies");
        System.out.println(log);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("exactly-once violated (" + problems.size() + " discrepancies, seed "
                    + SEED + "):\n");
            problems.stream().limit(25).forEach(p -> sb.append(" - ").append(p).append('\n'));
            sb.append(log);
            for (ForecasterProcess p : instances) {
                sb.append("\n--- ").append(p.name()).append(" log tail ---\n").append(p.tail());
            }
            throw new AssertionError(sb.toString());
        }
    }

    /** Every valid model document on the models topic, by version. */
    private static Map<Integer, ServingModel> readModels(String bootstrap, String topic) {
        Map<Integer, ServingModel> out = new java.util.TreeMap<>();
        for (List<ConsumerRecord<byte[], byte[]>> part : ChaosVerifier.readAllByPartition(bootstrap, topic,
                "read_committed")) {
            for (ConsumerRecord<byte[], byte[]> r : part) {
                try {
                    RnnModel m = ModelDocuments.parse(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8));
                    out.put(m.version(), m);
                } catch (RuntimeException e) {
                    // not a serving document: the verifier only needs the ones forecasts name
                }
            }
        }
        return out;
    }

    private static Map<String, String> settings(String app) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("application.id", app);
        s.put("processing.guarantee", GUARANTEE);
        s.put("retrain.enabled", "false");
        s.put("topic.observations", app + "-obs");
        s.put("topic.forecasts", app + "-fc");
        s.put("topic.dlq", app + "-dlq");
        s.put("topic.models", app + "-models");
        s.put("topic.training", app + "-samples");
        s.put("topic.partitions", "4");
        s.put("num.standby.replicas", Integer.toString(STANDBYS));
        s.put("forecast.window", Integer.toString(WINDOW));
        s.put("forecast.horizon", "4");
        // A killed member leaves the group after this, not after the 45 s default.
        s.put("session.timeout.ms", "6000");
        s.put("heartbeat.interval.ms", "1500");
        s.put("rocksdb.cache.bytes", Long.toString(16L << 20));
        s.put("rocksdb.write.buffer.bytes", Long.toString(4L << 20));
        return s;
    }

    static ModelDocument modelDocument(long seed) {
        Sequential net = Sequential.builder(1).add(Layers.gru(8)).add(Layers.dense(1)).seed(seed).build();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(ModelDocuments.NAME, "forecaster");
        meta.put(ModelDocuments.VERSION, 1);
        meta.put(ModelDocuments.PARENT, 0);
        meta.put(ModelDocuments.WINDOW, WINDOW);
        meta.put(ModelDocuments.NORMALISATION, Map.of("method", Normalisation.METHOD));
        return ModelDocument.of(net, meta);
    }

    private static void createTopics(String bootstrap, Map<String, String> s) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(
                    new NewTopic(s.get("topic.observations"), 4, (short) 1),
                    new NewTopic(s.get("topic.forecasts"), 4, (short) 1),
                    new NewTopic(s.get("topic.dlq"), 4, (short) 1),
                    new NewTopic(s.get("topic.training"), 1, (short) 1),
                    new NewTopic(s.get("topic.models"), 1, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** An instance that exited without being killed is a failure: no input may stop the application. */
    private static void checkAlive(List<ForecasterProcess> instances, List<String> problems, Log log) {
        for (ForecasterProcess p : instances) {
            if (!p.alive()) {
                problems.add(p.name() + " exited on its own; log tail:\n" + p.tail());
                log.add(p.name() + " found dead; restarting it");
                p.start();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A timestamped account of what the chaos did, printed with the result. */
    static final class Log {
        private final long t0 = System.nanoTime();
        private final StringBuilder sb = new StringBuilder("chaos log:\n");

        synchronized void add(String line) {
            String entry = String.format("  %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, line);
            sb.append(entry);
            System.out.print("[chaos]" + entry);
        }

        @Override
        public synchronized String toString() {
            return sb.toString();
        }
    }
}
