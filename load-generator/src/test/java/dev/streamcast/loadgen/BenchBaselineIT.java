package dev.streamcast.loadgen;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamcast.kafkalocal.LocalKafkaBroker;
import dev.streamcast.loadgen.bench.LastEventTime;
import dev.streamcast.loadgen.produce.ClientSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped commands end to end against a real broker started in this JVM. */
class BenchBaselineIT {

    private static LocalKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.startEphemeral();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Top-level scalar fields of a JSON object, as text. */
    private static Map<String, String> fields(String json) throws IOException {
        Map<String, String> m = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t.isScalarValue()) {
                    m.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return m;
    }

    private static String[] benchArgs(String prefix, String... extra) {
        List<String> a = new ArrayList<>(List.of("bench", "--baseline", "-b", broker.bootstrapServers(),
                "--topic", prefix + "-obs", "--forecasts-topic", prefix + "-fc", "--dlq-topic", prefix + "-dlq",
                "--baseline-app-id", prefix + "-app", "--partitions", "2", "--keys", "50", "--count", "2000",
                "--warmup", "0s", "--settle", "500ms", "--tail-timeout", "30s", "--quiet"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void benchAgainstTheBaselineAccountsForEveryRecordAtAFixedRate() throws IOException {
        CliRun r = CliRun.of(benchArgs("rate", "--rate", "2000", "--fault-fraction", "0.08"));
        Map<String, String> f = fields(r.lastLine());
        long sent = Long.parseLong(f.get("sent"));
        long forecasts = Long.parseLong(f.get("forecasts"));
        long dlq = Long.parseLong(f.get("dlq"));
        assertEquals(2000, sent, r.lastLine());
        assertTrue(dlq > 50 && dlq < 250, "about 7% dead letters: " + r.lastLine());
        assertEquals(sent, forecasts + dlq, r.lastLine());
        assertEquals(f.get("dlq_expected"), f.get("dlq"));
        assertEquals("true", f.get("exactly_one_forecast_per_accepted_event"), r.lastLine());
        assertEquals("0", f.get("missing"));
        assertEquals("0", f.get("duplicates"));
        assertTrue(Double.parseDouble(f.get("throughput_per_s")) > 0);
        assertTrue((r.lastLine()).contains("\"latency_ms\":{\"count\":"), r.lastLine());
        assertEquals(0, r.code());
    }

    /** A forecaster that saw an earlier run refuses older timestamps, so '--start now' starts after them. */
    @Test
    void startNowComesAfterTheEventsAlreadyOnTheTopic() throws IOException {
        CliRun p = CliRun.of("produce", "-b", broker.bootstrapServers(), "--topic", "later-obs", "--partitions", "2",
                "--keys", "5", "--count", "100", "--rate", "0", "--price-fraction", "0",
                "--start", "2031-01-01T00:00:00Z", "--quiet");
        assertEquals(0, p.code(), p.out());
        Instant last = Instant.parse("2031-01-01T00:19:00Z"); // 5 sensors, 20 readings a minute apart each
        assertEquals(Optional.of(last), LastEventTime.of(new ClientSettings(broker.bootstrapServers(), Map.of()),
                "later-obs", Duration.ofSeconds(30)));
        CliRun r = CliRun.of(benchArgs("later", "--rate", "2000"));
        Map<String, String> f = fields(r.lastLine());
        assertTrue(Instant.parse(f.get("last_event_ts")).isAfter(last), r.lastLine());
        assertEquals("true", f.get("exactly_one_forecast_per_accepted_event"), r.lastLine());
        assertEquals(0, r.code());
    }

    @Test
    void maxModeWithExactlyOnceDrainsPreProducedRecords() throws IOException {
        CliRun r = CliRun.of(benchArgs("max", "--mode", "max", "--processing-guarantee", "exactly_once_v2",
                "--gap-fraction", "0.05", "--duplicate-fraction", "0.02"));
        Map<String, String> f = fields(r.lastLine());
        assertEquals("exactly_once_v2", f.get("processing_guarantee"));
        assertEquals("false", f.get("overlapped_with_produce"), r.lastLine());
        assertEquals(2000, Long.parseLong(f.get("forecasts")) + Long.parseLong(f.get("dlq")), r.lastLine());
        assertEquals("true", f.get("exactly_one_forecast_per_accepted_event"), r.lastLine());
        assertEquals(0, r.code());
    }

    @Test
    void produceReplaysACsvWithTheContractsRecordFormat() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "series,ts,value\nA,2024-01-01T00:00:00Z,1.5\nB,1704067200000,\nA,1704067260000,2\n");
        CliRun r = CliRun.of("produce", "-b", broker.bootstrapServers(), "--topic", "replay-obs", "--replay",
                csv.toString(), "--quiet");
        assertEquals(0, r.code());
        assertEquals("3", fields(r.lastLine()).get("acked"), r.lastLine());

        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor("replay-obs").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            List<String> seen = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (seen.size() < 3 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> rec : c.poll(Duration.ofMillis(200))) {
                    assertTrue(rec.headers().lastHeader("sent.ms") != null);
                    seen.add(new String(rec.key(), StandardCharsets.UTF_8) + " "
                            + new String(rec.value(), StandardCharsets.UTF_8));
                }
            }
            assertTrue(seen.contains("A {\"ts\":1704067200000,\"value\":1.5,\"seq\":0}"), seen.toString());
            assertTrue(seen.contains("B {\"ts\":1704067200000,\"value\":null,\"seq\":0}"), seen.toString());
            assertTrue(seen.contains("A {\"ts\":1704067260000,\"value\":2.0,\"seq\":1}"), seen.toString());
        }
    }
}
