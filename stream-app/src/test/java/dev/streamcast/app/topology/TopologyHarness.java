package dev.streamcast.app.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The shipped topology under Kafka's test driver, with helpers to send observations and read what comes out; used
 * by the topology tests and the fuzz tests.
 */
public final class TopologyHarness implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    public final TopologySettings settings;
    public final ModelRegistry registry = new ModelRegistry();
    public final AppMetrics metrics = new AppMetrics();
    public final TopologyTestDriver driver;
    public final TestInputTopic<byte[], byte[]> observations;
    public final TestInputTopic<String, String> models;
    /** The models topic as raw bytes, for documents that are not even text. */
    public final TestInputTopic<byte[], byte[]> rawModels;
    public final TestOutputTopic<byte[], byte[]> forecasts;
    public final TestOutputTopic<byte[], byte[]> deadLetters;
    public final TestOutputTopic<byte[], byte[]> samples;

    public TopologyHarness(TopologySettings settings, Path stateDir) {
        this(settings, stateDir, new Properties());
    }

    /** With more Kafka Streams settings ({@code extra}). */
    public TopologyHarness(TopologySettings settings, Path stateDir, Properties extra) {
        this.settings = settings;
        Properties p = new Properties();
        p.putAll(extra);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ForecastTopology.build(settings, registry, metrics), p);
        observations = driver.createInputTopic(settings.observationsTopic(), new ByteArraySerializer(),
                new ByteArraySerializer());
        models = driver.createInputTopic(settings.modelsTopic(), new StringSerializer(), new StringSerializer());
        rawModels = driver.createInputTopic(settings.modelsTopic(), new ByteArraySerializer(),
                new ByteArraySerializer());
        forecasts = driver.createOutputTopic(settings.forecastsTopic(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(settings.deadLetterTopic(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        samples = driver.createOutputTopic(settings.samplesTopic(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    void send(String key, String value) {
        observations.pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    void point(String key, long ts, Double value) {
        send(key, "{\"ts\":" + ts + ",\"value\":" + (value == null ? "null" : value.toString()) + "}");
    }

    JsonNode nextForecast() {
        return parse(forecasts.readRecord());
    }

    static JsonNode parse(TestRecord<byte[], byte[]> r) {
        try {
            return JSON.readTree(r.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    public static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
