package dev.streamcast.app.chaos;

import dev.streamcast.kafkalocal.LocalKafkaBroker;
import dev.streamcast.kafkalocal.LocalKafkaMain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The chaos test's broker: a real single-node KRaft broker on a data directory and port that survive restarts.
 * {@link #inJvm} runs it in the test JVM and restarts it cleanly; {@link #process} runs it as its own JVM
 * ({@link LocalKafkaMain}, as {@code scripts/local-kafka.sh} does) and restarts it by SIGKILL, so the broker must
 * recover its logs and its transaction state from disk.
 */
abstract class ChaosBroker implements AutoCloseable {

    protected final Path dataDir;
    protected final int port;

    ChaosBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static ChaosBroker inJvm(Path dataDir) {
        return new InJvm(dataDir, freePort());
    }

    static ChaosBroker process(Path dataDir) {
        return new OwnProcess(dataDir, freePort());
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    abstract void start();

    /** Takes the broker down (cleanly or by SIGKILL, see the kind) and returns how. */
    abstract String stop() throws InterruptedException;

    @Override
    public abstract void close();

    /** The last lines the broker process wrote, for a failure's message; empty in the test JVM. */
    String tail() {
        return "";
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class InJvm extends ChaosBroker {
        private LocalKafkaBroker broker;

        InJvm(Path dataDir, int port) {
            super(dataDir, port);
        }

        @Override
        void start() {
            broker = LocalKafkaBroker.start(dataDir, port);
        }

        @Override
        String stop() {
            broker.close();
            broker = null;
            return "clean shutdown";
        }

        @Override
        public void close() {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }
    }

    private static final class OwnProcess extends ChaosBroker {
        private Process process;
        private int starts;

        OwnProcess(Path dataDir, int port) {
            super(dataDir, port);
        }

        @Override
        void start() {
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path log = dataDir.resolve("broker-" + (++starts) + ".log");
            ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx768m", "-cp", cp, LocalKafkaMain.class.getName()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("KAFKA_PORT", Integer.toString(port));
            pb.environment().put("KAFKA_DATA_DIR", dataDir.toString());
            try {
                process = pb.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!Files.readString(log).contains("KAFKA READY")) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("the broker process did not start; " + log + ":\n"
                                + Files.readString(log));
                    }
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        String tail() {
            try {
                List<String> lines = Files.readAllLines(dataDir.resolve("broker-" + starts + ".log"));
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no broker log: " + e + ")";
            }
        }

        @Override
        String stop() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return "SIGKILL";
        }

        @Override
        public void close() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
