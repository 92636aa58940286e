package dev.streamcast.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.http.HttpApi;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.runtime.ForecasterApp;
import dev.streamcast.app.topology.ForecastTopology;
import dev.streamcast.kafkalocal.LocalKafkaBroker;
import dev.streamcast.kafkalocal.SecureBrokerSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forecaster against a broker whose only client listener is SASL_SSL (SCRAM-SHA-512 users, a TLS certificate
 * made by keytool at test time) with ACLs enforced: records in, forecasts out through every client the forecaster
 * makes; a wrong password and a missing WRITE permission each stop the start with one clear message; two instances
 * behind an HTTP bearer token route series queries to each other.
 */
class SecuredKafkaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_USER = "forecaster";
    private static final String APP_PASSWORD = "app-Pa55-" + System.nanoTime();
    private static final String NO_WRITE_USER = "nowrite";
    private static final String NO_WRITE_PASSWORD = "nowrite-Pa55-" + System.nanoTime();

    @TempDir
    static Path shared;

    private static SecureBrokerSettings secure;
    private static LocalKafkaBroker broker;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        secure = SecureBrokerSettings.create(shared.resolve("tls")).withUser(APP_USER, APP_PASSWORD).withAcls();
        broker = LocalKafkaBroker.startSecured(shared.resolve("kafka"), 0, secure);
        // A second user made over the Admin API (the first was made when the storage was formatted).
        broker.upsertScramUser(NO_WRITE_USER, NO_WRITE_PASSWORD);
        SecureClients.grantAll(broker.adminClientProperties(), APP_USER, List.of());
        SecureClients.grantAll(broker.adminClientProperties(), NO_WRITE_USER, List.of("sec-nowrite-fc"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * Security settings split as a deployment would: protocol, mechanism and trust store in the config file, the
     * JAAS line (the secret) in the environment.
     */
    private AppConfig config(String app, String user, String password) throws Exception {
        Map<String, String> client = secure.clientProperties(user, password);
        Properties file = new Properties();
        client.forEach((k, v) -> {
            if (!k.equals("sasl.jaas.config")) {
                file.setProperty(k, v);
            }
        });
        Path configFile = tmp.resolve(app + ".properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            file.store(out, null);
        }
        Map<String, String> env = Map.of("STREAMCAST_SASL_JAAS_CONFIG", client.get("sasl.jaas.config"));
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("bootstrap.servers", broker.bootstrapServers());
        overrides.put("application.id", app);
        overrides.put("state.dir", tmp.resolve("state").toString());
        overrides.put("topic.partitions", "2");
        overrides.put("topic.observations", app + "-obs");
        overrides.put("topic.forecasts", app + "-fc");
        overrides.put("topic.dlq", app + "-dlq");
        overrides.put("topic.models", app + "-models");
        overrides.put("topic.training", app + "-samples");
        overrides.put("http.port", "0");
        return AppConfig.load(configFile, env, overrides);
    }

    @Test
    void forecastsFlowOverSaslSslAndNoSecretIsLogged() throws Exception {
        String app = "sec-ok";
        AppConfig cfg = config(app, APP_USER, APP_PASSWORD);
        assertEquals("SASL_SSL", cfg.plainClientProps().get("security.protocol"));
        assertEquals(cfg.get("sasl.jaas.config"), cfg.plainClientProps().get("sasl.jaas.config"));
        assertEquals(cfg.get("ssl.truststore.location"), cfg.kafkaClientProps().get("ssl.truststore.location"));
        assertFalse(cfg.describe().toString().contains(APP_PASSWORD), "describe() masks the JAAS line");
        assertFalse(cfg.describe().toString().contains(secure.certificates().trustStorePassword()));

        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(originalErr, captured), true, StandardCharsets.UTF_8));
        int keys = 8;
        int perKey = 15;
        try (ForecasterApp forecaster = new ForecasterApp(cfg, new ModelRegistry(), new AppMetrics())) {
            forecaster.start();
            Map<String, String> client = secure.clientProperties(APP_USER, APP_PASSWORD);
            try (KafkaProducer<String, String> p = SecureClients.producer(broker.bootstrapServers(), client)) {
                for (int t = 0; t < perKey; t++) {
                    for (int k = 0; k < keys; k++) {
                        p.send(new ProducerRecord<>(app + "-obs", "s-" + k,
                                "{\"ts\":" + (1_000_000L + t * 60_000L) + ",\"value\":" + (k + Math.sin(t)) + "}"));
                    }
                }
                p.flush();
            }
            List<ConsumerRecord<String, byte[]>> forecasts = SecureClients.readUntil(broker.bootstrapServers(),
                    client, app + "-fc", got -> got.size() >= keys * perKey, Duration.ofSeconds(60));
            assertEquals(keys * perKey, forecasts.size(), "one forecast per event over SASL_SSL");
            JsonNode first = JSON.readTree(forecasts.get(0).value());
            assertEquals(forecasts.get(0).key(), first.get("series").asText());
            // The trainer's consumer (plainClientProps) joined its group over SASL_SSL and holds the role.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!forecaster.trainer().isActive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(forecaster.trainer().isActive(), "trainer consumer active over SASL_SSL");
        } finally {
            System.setErr(originalErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Kafka Streams state"), "the capture saw the application's log");
        for (String secret : List.of(APP_PASSWORD, secure.certificates().trustStorePassword(),
                secure.adminPassword())) {
            assertFalse(log.contains(secret), "a secret appeared in the log");
        }
    }

    @Test
    void aWrongPasswordStopsTheStartWithAClearMessage() throws Exception {
        String wrong = "not-the-password-" + System.nanoTime();
        AppConfig cfg = config("sec-badpw", APP_USER, wrong);
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ForecasterApp forecaster = new ForecasterApp(cfg, new ModelRegistry(), new AppMetrics())) {
                return assertThrows(IllegalStateException.class, forecaster::start);
            }
        });
        String message = e.getMessage();
        assertTrue(message.contains("refused authentication"), message);
        assertTrue(message.contains("security.protocol=SASL_SSL, sasl.mechanism=SCRAM-SHA-512"), message);
        assertFalse(message.contains(wrong), "the password is not in the message");
    }

    @Test
    void aPrincipalWithoutWriteOnForecastsIsRefusedAtStart() throws Exception {
        AppConfig cfg = config("sec-nowrite", NO_WRITE_USER, NO_WRITE_PASSWORD);
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ForecasterApp forecaster = new ForecasterApp(cfg, new ModelRegistry(), new AppMetrics())) {
                return assertThrows(IllegalStateException.class, forecaster::start);
            }
        });
        String message = e.getMessage();
        assertTrue(message.contains("WRITE on topic 'sec-nowrite-fc'"), message);
        assertFalse(message.contains(NO_WRITE_PASSWORD));
    }

    @Test
    void twoInstancesWithABearerTokenRouteQueriesToEachOther() throws Exception {
        String app = "sec-http";
        String token = "http-token-" + System.nanoTime();
        AppConfig base = config(app, APP_USER, APP_PASSWORD).with("http.auth.token", token)
                .with("retrain.enabled", "false").with("processing.guarantee", "at_least_once")
                .with("commit.interval.ms", "100").with("http.host", "127.0.0.1")
                .with("http.advertised.host", "127.0.0.1");
        List<AppConfig> configs = List.of(
                base.with("state.dir", tmp.resolve("a").toString()).with("http.port", String.valueOf(freePort())),
                base.with("state.dir", tmp.resolve("b").toString()).with("http.port", String.valueOf(freePort())));
        List<ForecasterApp> apps = new java.util.ArrayList<>();
        List<HttpApi> https = new java.util.ArrayList<>();
        try {
            for (AppConfig c : configs) {
                AppMetrics metrics = new AppMetrics();
                ModelRegistry registry = new ModelRegistry();
                ForecasterApp f = new ForecasterApp(c, registry, metrics);
                apps.add(f);
                https.add(new HttpApi(c, f, registry, metrics));
                f.start();
                https.get(https.size() - 1).start();
            }
            Map<String, String> client = secure.clientProperties(APP_USER, APP_PASSWORD);
            int series = 12;
            try (KafkaProducer<String, String> p = SecureClients.producer(broker.bootstrapServers(), client)) {
                for (int t = 0; t < 3; t++) {
                    for (int k = 0; k < series; k++) {
                        p.send(new ProducerRecord<>(app + "-obs", "s-" + k,
                                "{\"ts\":" + (1_000_000L + t * 60_000L) + ",\"value\":" + k + "}"));
                    }
                }
            }
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean all = false;
            while (!all && System.nanoTime() < deadline) {
                all = true;
                for (HttpApi h : https) {
                    for (int k = 0; k < series && all; k++) {
                        all = get(http, h.port(), "/series/s-" + k, token).statusCode() == 200;
                    }
                }
                if (!all) {
                    Thread.sleep(250);
                }
            }
            assertTrue(all, "every series answered by both instances (routed to the owner with the token)");
            java.util.Set<Integer> owners = new java.util.HashSet<>();
            for (int k = 0; k < series; k++) {
                owners.add(apps.get(0).streams().queryMetadataForKey(ForecastTopology.LATEST_STORE, "s-" + k,
                        new StringSerializer()).activeHost().port());
            }
            assertEquals(2, owners.size(), "both instances own series, so half the answers were routed");
            for (HttpApi h : https) {
                assertEquals(401, get(http, h.port(), "/series/s-0", null).statusCode());
                assertEquals(401, get(http, h.port(), "/metrics", "wrong").statusCode());
                assertEquals(200, get(http, h.port(), "/health", null).statusCode());
            }
        } finally {
            https.forEach(HttpApi::close);
            apps.forEach(ForecasterApp::close);
        }
    }

    /**
     * The ACLs the README lists, and nothing more, are enough: topics created beforehand by the admin and named
     * without the application id's prefix, so the prefixed grant covers only Kafka Streams' own topics.
     */
    @Test
    void theAclsTheReadmeListsAreEnough() throws Exception {
        String appId = "sec-minimal-app";
        String user = "minimal";
        String password = "minimal-Pa55-" + System.nanoTime();
        broker.upsertScramUser(user, password);
        List<String> topics = List.of("min-obs", "min-fc", "min-dlq", "min-models", "min-samples");
        Map<String, Object> adminProps = broker.adminClientProperties();
        try (Admin admin = Admin.create(adminProps)) {
            List<NewTopic> wanted = new java.util.ArrayList<>();
            for (String t : topics) {
                wanted.add(new NewTopic(t, t.equals("min-models") || t.equals("min-samples") ? 1 : 2, (short) 1));
            }
            admin.createTopics(wanted).all().get(30, TimeUnit.SECONDS);
        }
        String principal = "User:" + user;
        List<AclBinding> acls = new java.util.ArrayList<>();
        java.util.function.BiConsumer<ResourcePattern, AclOperation> allow = (pattern, op) -> acls.add(
                new AclBinding(pattern, new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
        for (String t : topics) {
            allow.accept(topic(t), AclOperation.DESCRIBE);
        }
        allow.accept(topic("min-obs"), AclOperation.READ);
        allow.accept(topic("min-models"), AclOperation.READ);
        allow.accept(topic("min-models"), AclOperation.WRITE);
        allow.accept(topic("min-fc"), AclOperation.WRITE);
        allow.accept(topic("min-dlq"), AclOperation.WRITE);
        allow.accept(topic("min-samples"), AclOperation.READ);
        allow.accept(topic("min-samples"), AclOperation.WRITE);
        allow.accept(new ResourcePattern(ResourceType.TOPIC, appId + "-", PatternType.PREFIXED), AclOperation.ALL);
        allow.accept(new ResourcePattern(ResourceType.GROUP, appId, PatternType.LITERAL), AclOperation.READ);
        allow.accept(new ResourcePattern(ResourceType.GROUP, appId + "-trainer", PatternType.LITERAL),
                AclOperation.READ);
        for (AclOperation op : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
            allow.accept(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, appId + "-", PatternType.PREFIXED), op);
        }
        SecureClients.createAcls(adminProps, principal, acls);

        AppConfig cfg = config(appId, user, password).with("topic.observations", "min-obs")
                .with("topic.forecasts", "min-fc").with("topic.dlq", "min-dlq").with("topic.models", "min-models")
                .with("topic.training", "min-samples");
        try (ForecasterApp forecaster = new ForecasterApp(cfg, new ModelRegistry(), new AppMetrics())) {
            forecaster.start();
            Map<String, String> client = secure.adminClientProperties();
            try (KafkaProducer<String, String> p = SecureClients.producer(broker.bootstrapServers(), client)) {
                for (int t = 0; t < 5; t++) {
                    for (int k = 0; k < 4; k++) {
                        p.send(new ProducerRecord<>("min-obs", "m-" + k,
                                "{\"ts\":" + (1_000_000L + t * 60_000L) + ",\"value\":" + k + "}"));
                    }
                }
                p.send(new ProducerRecord<>("min-obs", "m-0", "{broken"));
            }
            assertEquals(20, SecureClients.readUntil(broker.bootstrapServers(), client, "min-fc",
                    got -> got.size() >= 20, Duration.ofSeconds(60)).size(), "forecasts under the minimal ACLs");
            assertEquals(1, SecureClients.readUntil(broker.bootstrapServers(), client, "min-dlq",
                    got -> !got.isEmpty(), Duration.ofSeconds(30)).size(), "dead letter under the minimal ACLs");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!forecaster.trainer().isActive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(forecaster.trainer().isActive(), "the trainer joined its group under the minimal ACLs");
            assertTrue(forecaster.isRunning());
        }
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Writes to two streams. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }
    }
}
