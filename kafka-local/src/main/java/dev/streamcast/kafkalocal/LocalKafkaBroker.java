package dev.streamcast.kafkalocal;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process), started in the calling JVM.
 *
 * <p>Call order: {@link #start(Path, int)} (formats the storage on first use, starts, waits until the broker
 * answers an admin request) then {@link #close()}. Used by the integration tests of every module and, through
 * {@link LocalKafkaMain}, by {@code scripts/local-kafka.sh}.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final SecureBrokerSettings security;

    private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir,
            SecureBrokerSettings security) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.security = security;
    }

    /** Starts a broker on a random free port with its data in a fresh temporary directory. */
    public static LocalKafkaBroker startEphemeral() {
        try {
            return start(Files.createTempDirectory("kafka-local-"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker listening on {@code 127.0.0.1:port} (0 = a free port), its log under {@code dataDir}.
     * Reuses the storage if {@code dataDir} was formatted before, so a restarted broker keeps its topics.
     */
    public static LocalKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /** As {@link #start(Path, int)}, with extra broker settings that override the defaults. */
    public static LocalKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
        return start(dataDir, port, overrides, null);
    }

    /**
     * A broker whose only client listener is {@code SASL_SSL} (SCRAM-SHA-512, TLS with the certificate of
     * {@code secure}); the users of {@code secure} exist from the start. See {@link SecureBrokerSettings}.
     */
    public static LocalKafkaBroker startSecured(Path dataDir, int port, SecureBrokerSettings secure) {
        return startSecured(dataDir, port, secure, Map.of());
    }

    /** As {@link #startSecured(Path, int, SecureBrokerSettings)}, with extra broker settings over the defaults. */
    public static LocalKafkaBroker startSecured(Path dataDir, int port, SecureBrokerSettings secure,
            Map<String, String> overrides) {
        return start(dataDir, port, overrides, secure);
    }

    private static LocalKafkaBroker start(Path dataDir, int port, Map<String, String> overrides,
            SecureBrokerSettings secure) {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Path logDir = dataDir.resolve("kraft-logs");
        Properties props = BrokerSettings.singleNode(brokerPort, controllerPort, logDir);
        if (secure != null) {
            secure.brokerOverrides(brokerPort, controllerPort).forEach(props::setProperty);
        }
        overrides.forEach(props::setProperty);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatIfNeeded(props, logDir, dataDir, secure == null ? List.of() : secure.formatArguments());
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + brokerPort;
        LocalKafkaBroker broker = new LocalKafkaBroker(server, bootstrap, dataDir, secure);
        try {
            broker.awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The security settings of a broker from {@link #startSecured}; empty for a plaintext broker. */
    public Optional<SecureBrokerSettings> security() {
        return Optional.ofNullable(security);
    }

    /**
     * Settings for an admin client of this broker: the bootstrap servers and, on a secured broker, the admin
     * user's SASL_SSL settings (a super user when ACLs are on). Contains a password on a secured broker.
     */
    public Map<String, Object> adminClientProperties() {
        Map<String, Object> p = new HashMap<>();
        if (security != null) {
            p.putAll(security.adminClientProperties());
        }
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

    /** Creates or changes a SCRAM-SHA-512 user over the Admin API (secured brokers). */
    public void upsertScramUser(String user, String password) {
        try (Admin admin = Admin.create(adminClientProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create SCRAM user " + user + " on " + bootstrapServers + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void formatIfNeeded(Properties props, Path logDir, Path dataDir, List<String> extraArgs) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            // The controller port is chosen per start, so it is written into the config file each time;
            // the storage format itself does not depend on it.
            Path configFile = dataDir.resolve("format.properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "kafka-local format settings");
            }
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of(
                    "format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString(), "--standalone"));
            args.addAll(extraArgs);
            int code = StorageTool.execute(args.toArray(String[]::new),
                    new PrintStream(captured, true, StandardCharsets.UTF_8));
            if (!extraArgs.isEmpty()) {
                // The file held passwords (TLS stores, the broker's own SASL login); the format is done with it.
                Files.deleteIfExists(configFile);
            }
            if (code != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + logDir + " failed (exit " + code
                        + "): " + captured.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + logDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.putAll(adminClientProperties());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker at " + bootstrapServers
                                + " did not become ready within " + timeout.toSeconds() + " s", notYet);
                    }
                    sleep(100);
                }
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }
}
