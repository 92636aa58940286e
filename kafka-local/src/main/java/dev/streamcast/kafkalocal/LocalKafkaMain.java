package dev.streamcast.kafkalocal;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalKafkaBroker} as its own process until it is stopped (SIGTERM or Ctrl-C).
 *
 * <p>How to run: {@code scripts/local-kafka.sh start}, which builds the classpath and calls this with
 * {@code KAFKA_PORT} (default 9092) and {@code KAFKA_DATA_DIR} (default {@code target/kafka-data}).
 */
public final class LocalKafkaMain {

    private LocalKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(envOr("KAFKA_PORT", "9092"));
        Path dataDir = Path.of(envOr("KAFKA_DATA_DIR", "target/kafka-data")).toAbsolutePath();
        LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-local-shutdown"));
        // The script waits for this exact line before it reports the broker as started.
        System.out.println("KAFKA READY " + broker.bootstrapServers() + " data=" + dataDir);
        System.out.flush();
        stopped.await();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
