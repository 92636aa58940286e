package dev.streamcast.app.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.topology.ForecastTopology;
import dev.streamcast.app.topology.TopologySettings;
import dev.streamcast.app.training.SampleWindow;
import dev.streamcast.app.training.Trainer;
import dev.streamcast.app.training.TrainingSample;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.internals.StateDirectory;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Replays CSV rows through the production topology ({@link ForecastTopology#build}) with Kafka's test driver instead
 * of a broker. Rows enter in event-time order across series; training samples leave the topology as they would in a
 * running app and the trainer runs synchronously whenever its schedule (counted in samples, so in event time) is due,
 * publishing accepted models back through the models topic. Same input, same settings: same output.
 */
public final class BacktestRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per series, in row order: the forecast JSON emitted at each row (null if the row went to the DLQ). */
    public record Result(Map<String, List<CsvRow>> rows, Map<String, List<JsonNode>> forecasts, List<String> trainingLog,
                         int deadLetters) {
    }

    private final AppConfig config;
    private final PrintStream progress;

    public BacktestRunner(AppConfig config, PrintStream progress) {
        this.config = config;
        this.progress = progress;
    }

    public Result run(List<CsvRow> input) {
        List<CsvRow> ordered = new ArrayList<>(input);
        ordered.sort(Comparator.comparingLong(CsvRow::ts)); // stable: ties keep file order
        Map<String, List<CsvRow>> rows = new LinkedHashMap<>();
        Map<String, List<JsonNode>> forecasts = new LinkedHashMap<>();
        List<String> log = new ArrayList<>();
        TopologySettings ts = config.topology();
        ModelRegistry registry = new ModelRegistry();
        AppMetrics metrics = new AppMetrics();
        boolean retrain = config.getBoolean("retrain.enabled");
        Trainer trainer = new Trainer(config.trainer(), ts.forecast().window());
        SampleWindow window = new SampleWindow(config.trainer());
        Path stateDir = tempDir();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "streamcast-backtest");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put("processing.exception.handler.global.enabled", "true"); // as in run, and without its warning
        // The replay's state lives in a temporary directory on purpose (deleted afterwards): Kafka Streams' warning
        // about state in a temporary directory is for a service's state, not this.
        System.setProperty("org.slf4j.simpleLogger.log." + StateDirectory.class.getName(), "error");
        int dlq = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(ForecastTopology.build(ts, registry, metrics), props)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(ts.observationsTopic(),
                    new StringSerializer(), new ByteArraySerializer());
            TestInputTopic<String, String> models = driver.createInputTopic(ts.modelsTopic(),
                    new StringSerializer(), new StringSerializer());
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(ts.forecastsTopic(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<byte[], byte[]> dead = driver.createOutputTopic(ts.deadLetterTopic(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<byte[], byte[]> samples = driver.createOutputTopic(ts.samplesTopic(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            long recordTime = 0;
            int done = 0;
            for (CsvRow row : ordered) {
                rows.computeIfAbsent(row.series(), k -> new ArrayList<>()).add(row);
                // Record timestamps only order the driver's clock; the event time is in the JSON.
                in.pipeInput(row.series(), observationJson(row), Instant.ofEpochMilli(recordTime++));
                JsonNode forecast = null;
                while (!out.isEmpty()) {
                    forecast = readTree(out.readRecord());
                }
                if (!dead.isEmpty()) {
                    dlq += dead.readRecordsToList().size();
                }
                forecasts.computeIfAbsent(row.series(), k -> new ArrayList<>()).add(forecast);
                while (!samples.isEmpty()) {
                    TestRecord<byte[], byte[]> s = samples.readRecord();
                    window.add(TrainingSample.decode(new String(s.key(), StandardCharsets.UTF_8), s.value()));
                }
                if (retrain && window.due()) {
                    Trainer.Outcome o = trainer.train(window.snapshotAndReset(), registry.current(), ts.modelName());
                    String line = "after " + (done + 1) + " rows: " + (o.accepted() ? "published v"
                            + (registry.current().version() + 1) : "rejected") + " (" + o.samples() + " samples; "
                            + o.reason() + ")";
                    log.add(line);
                    progress.println("training " + line);
                    if (o.accepted()) {
                        models.pipeInput(ts.modelName(), o.candidate().toJson());
                    }
                }
                done++;
                if (done % 20_000 == 0) {
                    progress.printf("replayed %d of %d rows%n", done, ordered.size());
                }
            }
        } finally {
            deleteQuietly(stateDir);
        }
        return new Result(rows, forecasts, log, dlq);
    }

    static byte[] observationJson(CsvRow row) {
        String value = row.gap() ? "null" : Double.toString(row.value());
        return ("{\"ts\":" + row.ts() + ",\"value\":" + value + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode readTree(TestRecord<byte[], byte[]> r) {
        try {
            return JSON.readTree(r.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("streamcast-backtest-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files only
        }
    }
}
