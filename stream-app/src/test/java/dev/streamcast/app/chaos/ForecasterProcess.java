package dev.streamcast.app.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One forecaster instance as its own JVM process ({@code java -jar stream-app.jar run ...}), with its own state
 * directory, HTTP port and log file. {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()} on Linux): no
 * shutdown hook runs, no state is flushed, no offset or transaction is committed.
 */
final class ForecasterProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Path modelFile;
    private final Path stateDir;
    private final Path logDir;
    private final Map<String, String> settings;
    private final String bootstrap;
    private Process process;
    private int starts;

    ForecasterProcess(String name, Path jar, Path modelFile, Path workDir, String bootstrap,
                      Map<String, String> settings) {
        this.name = name;
        this.jar = jar;
        this.modelFile = modelFile;
        this.stateDir = workDir.resolve(name + "-state");
        this.logDir = workDir;
        this.bootstrap = bootstrap;
        this.settings = settings;
    }

    String name() {
        return name;
    }

    Path stateDir() {
        return stateDir;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-jar", jar.toString(), "run", "--bootstrap-servers", bootstrap, "--model", modelFile.toString()));
        settings.forEach((k, v) -> {
            cmd.add("--set");
            cmd.add(k + "=" + v);
        });
        cmd.add("--set");
        cmd.add("state.dir=" + stateDir);
        Path log = logDir.resolve(name + "-" + (++starts) + ".log");
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, then wait until the process is gone. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Loses the local state directory (as a replaced disk or a new container would). */
    void wipeState() throws IOException {
        if (Files.exists(stateDir)) {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** SIGTERM, a clean shutdown; SIGKILL if it takes too long. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The last lines of this instance's latest log, for failure messages. */
    String tail() {
        Path log = logDir.resolve(name + "-" + starts + ".log");
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }
}
