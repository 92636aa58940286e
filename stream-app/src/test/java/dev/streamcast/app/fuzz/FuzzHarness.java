package dev.streamcast.app.fuzz;

import dev.streamcast.app.metrics.AppMetrics;
import dev.streamcast.app.model.ModelRegistry;
import dev.streamcast.app.topology.ForecastTopology;
import dev.streamcast.app.topology.TopologySettings;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The shipped topology ({@link ForecastTopology#build}) under Kafka's test driver, for the fuzz tests: raw bytes in,
 * raw bytes out on {@code forecasts} and the dead-letter topic.
 */
final class FuzzHarness implements AutoCloseable {

    final TopologySettings settings;
    final ModelRegistry registry = new ModelRegistry();
    final AppMetrics metrics = new AppMetrics();
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> observations;
    final TestInputTopic<byte[], byte[]> models;
    final TestOutputTopic<byte[], byte[]> forecasts;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    final TestOutputTopic<byte[], byte[]> samples;

    FuzzHarness(TopologySettings settings, Path stateDir) {
        this.settings = settings;
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "fuzz");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ForecastTopology.build(settings, registry, metrics), p);
        ByteArraySerializer ser = new ByteArraySerializer();
        ByteArrayDeserializer de = new ByteArrayDeserializer();
        observations = driver.createInputTopic(settings.observationsTopic(), ser, ser);
        models = driver.createInputTopic(settings.modelsTopic(), ser, ser);
        forecasts = driver.createOutputTopic(settings.forecastsTopic(), de, de);
        deadLetters = driver.createOutputTopic(settings.deadLetterTopic(), de, de);
        samples = driver.createOutputTopic(settings.samplesTopic(), de, de);
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
