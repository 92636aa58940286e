package dev.streamcast.kafkalocal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalKafkaBroker} as its own process until it is stopped (SIGTERM or Ctrl-C).
 *
 * <p>How to run: {@code scripts/local-kafka.sh start}, which builds the classpath and calls this with
 * {@code KAFKA_PORT} (default 9092) and {@code KAFKA_DATA_DIR} (default {@code target/kafka-data}).
 * With {@code KAFKA_SECURITY=sasl_ssl} the only client listener is SASL_SSL (SCRAM-SHA-512, a self-signed
 * certificate made on first start): the client settings of user {@code streamcast} are written to
 * {@code $KAFKA_DATA_DIR/client.properties} and the admin's to {@code admin.properties} (owner-only files).
 */
public final class LocalKafkaMain {

    /** The user whose settings go to {@code client.properties}, for the forecaster and the generator. */
    static final String CLIENT_USER = "streamcast";

    private LocalKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            run();
        } catch (RuntimeException e) {
            // Kafka's own threads would keep a failed broker's JVM alive: exit so the script sees the failure.
            System.err.println("kafka-local: broker did not start: " + e);
            System.exit(1);
        }
    }

    private static void run() throws InterruptedException {
        int port = Integer.parseInt(envOr("KAFKA_PORT", "9092"));
        Path dataDir = Path.of(envOr("KAFKA_DATA_DIR", "target/kafka-data")).toAbsolutePath();
        String security = envOr("KAFKA_SECURITY", "plaintext").toLowerCase(java.util.Locale.ROOT);
        LocalKafkaBroker broker;
        String extra = "";
        if (security.equals("sasl_ssl")) {
            SecureBrokerSettings secure = secureSettings(dataDir);
            broker = LocalKafkaBroker.startSecured(dataDir, port, secure);
            String password = secure.users().get(CLIENT_USER);
            broker.upsertScramUser(CLIENT_USER, password);
            Path client = dataDir.resolve("client.properties");
            Path admin = dataDir.resolve("admin.properties");
            SecureBrokerSettings.writeClientFile(client, broker.bootstrapServers(),
                    secure.clientProperties(CLIENT_USER, password));
            SecureBrokerSettings.writeClientFile(admin, broker.bootstrapServers(), secure.adminClientProperties());
            extra = " security=SASL_SSL client-config=" + client + " admin-config=" + admin;
        } else if (security.equals("plaintext")) {
            broker = LocalKafkaBroker.start(dataDir, port);
        } else {
            throw new IllegalArgumentException("KAFKA_SECURITY must be plaintext or sasl_ssl, got " + security);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-local-shutdown"));
        // The script waits for this exact line before it reports the broker as started.
        System.out.println("KAFKA READY " + broker.bootstrapServers() + " data=" + dataDir + extra);
        System.out.flush();
        stopped.await();
    }

    /** The saved certificate and passwords of this data directory, made on its first secured start. */
    private static SecureBrokerSettings secureSettings(Path dataDir) {
        Path dir = dataDir.resolve("security");
        boolean formatted = Files.exists(dataDir.resolve("kraft-logs").resolve("meta.properties"));
        if (formatted && !Files.exists(dir)) {
            throw new IllegalStateException("the data in " + dataDir + " was made by a plaintext broker, which has "
                    + "no SCRAM users; start the SASL_SSL broker on a new KAFKA_DATA_DIR");
        }
        SecureBrokerSettings secure = SecureBrokerSettings.loadOrCreate(dir);
        if (!secure.users().containsKey(CLIENT_USER)) {
            secure = secure.withUser(CLIENT_USER, SecureBrokerSettings.randomPassword()).saveTo(dir);
        }
        return secure;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
