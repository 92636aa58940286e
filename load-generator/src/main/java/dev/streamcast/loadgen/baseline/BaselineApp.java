package dev.streamcast.loadgen.baseline;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Runs the baseline topology in this JVM with a fresh state directory.
 *
 * <p>Call order: {@link #start(Properties, Duration)} (returns once RUNNING) then {@link #close()}. Where it starts
 * reading is the group's committed offsets: the bench commits the input's end offsets for the application id
 * before producing, so the app reads exactly this run's records.
 */
public final class BaselineApp implements AutoCloseable {

    private final BaselineSettings settings;
    private final Path stateDir;
    private KafkaStreams streams;

    public BaselineApp(BaselineSettings settings) {
        this.settings = settings;
        try {
            this.stateDir = Files.createTempDirectory("loadgen-baseline-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Streams configuration: {@code client} holds bootstrap servers and the user's client properties. */
    public Properties config(Properties client) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        p.put("auto.offset.reset", "earliest");
        p.put("processing.exception.handler.global.enabled", "true");
        p.putAll(client);
        return p;
    }

    public void start(Properties client, Duration timeout) throws InterruptedException {
        streams = new KafkaStreams(BaselineTopology.build(settings), config(client));
        streams.cleanUp();
        streams.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.PENDING_ERROR
                    || System.nanoTime() > deadline) {
                throw new IllegalStateException("the baseline app did not reach RUNNING (state " + streams.state() + ")");
            }
            Thread.sleep(50);
        }
    }

    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
    }

    @Override
    public void close() {
        if (streams != null) {
            // Leave the group so the bench can delete it right after.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
            streams.cleanUp();
        }
        deleteQuietly(stateDir);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory: best effort
        }
    }
}
