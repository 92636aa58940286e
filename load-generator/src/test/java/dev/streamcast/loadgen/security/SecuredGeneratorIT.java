package dev.streamcast.loadgen.security;

import dev.streamcast.kafkalocal.LocalKafkaBroker;
import dev.streamcast.kafkalocal.SecureBrokerSettings;
import dev.streamcast.loadgen.cli.LoadGeneratorCommand;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator's {@code produce} and {@code bench} (with the in-process baseline Streams app: producer, consumer,
 * admin and Streams clients) against a broker whose only client listener is SASL_SSL (SCRAM-SHA-512, a keytool-made
 * certificate). Settings come as a deployment gives them: {@code --client-config FILE} plus {@code -X} for the JAAS
 * line. No password appears in anything the tool prints.
 */
class SecuredGeneratorIT {

    private static final String USER = "generator";
    private static final String PASSWORD = "gen-Pa55-" + System.nanoTime();

    @TempDir
    static Path shared;

    private static SecureBrokerSettings secure;
    private static LocalKafkaBroker broker;
    private static Path clientFile;

    @BeforeAll
    static void startSecuredBroker() {
        secure = SecureBrokerSettings.create(shared.resolve("tls")).withUser(USER, PASSWORD);
        broker = LocalKafkaBroker.startSecured(shared.resolve("kafka"), 0, secure);
        Map<String, String> noJaas = new HashMap<>(secure.clientProperties(USER, PASSWORD));
        noJaas.remove("sasl.jaas.config");
        clientFile = shared.resolve("client.properties");
        SecureBrokerSettings.writeClientFile(clientFile, broker.bootstrapServers(), noJaas);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Runs the CLI in-process; returns [exit code, stdout, stderr]. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream rawErr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(rawErr, true, StandardCharsets.UTF_8));
        try {
            var cl = LoadGeneratorCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new String[] {String.valueOf(code), out.toString(), err + rawErr.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(originalErr);
            originalErr.print(rawErr.toString(StandardCharsets.UTF_8));
        }
    }

    private static List<String> security(String password) {
        return List.of("-b", broker.bootstrapServers(), "--client-config", clientFile.toString(),
                "-X", "sasl.jaas.config=" + SecureBrokerSettings.jaas(USER, password));
    }

    private static void assertNoSecret(String[] result) {
        for (String secret : List.of(PASSWORD, secure.certificates().trustStorePassword(), secure.adminPassword())) {
            assertFalse(result[1].contains(secret) || result[2].contains(secret), "a secret was printed");
        }
    }

    @Test
    void produceWritesOverSaslSsl() {
        List<String> args = new ArrayList<>(List.of("produce", "--topic", "sec-produce", "--count", "300",
                "--keys", "10", "--rate", "5000", "--partitions", "2", "--quiet"));
        args.addAll(security(PASSWORD));
        String[] r = run(args.toArray(String[]::new));
        assertEquals("0", r[0], r[2]);
        assertNoSecret(r);

        Map<String, Object> p = new HashMap<>(secure.clientProperties(USER, PASSWORD));
        p.put("bootstrap.servers", broker.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor("sec-produce").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen < 300 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> ignored : c.poll(Duration.ofMillis(200))) {
                    seen++;
                }
            }
            assertEquals(300, seen);
        }
    }

    @Test
    void benchThroughTheBaselineAppOverSaslSsl() {
        List<String> args = new ArrayList<>(List.of("bench", "--baseline", "--topic", "sec-bench-obs",
                "--forecasts-topic", "sec-bench-fc", "--dlq-topic", "sec-bench-dlq", "--baseline-app-id",
                "sec-bench-app", "--partitions", "2", "--keys", "20", "--count", "500", "--rate", "2000",
                "--warmup", "0s", "--settle", "500ms", "--tail-timeout", "30s", "--quiet"));
        args.addAll(security(PASSWORD));
        String[] r = run(args.toArray(String[]::new));
        assertEquals("0", r[0], r[2]);
        assertNoSecret(r);
        String[] lines = r[1].strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.contains("\"sent\":500"), last);
        assertTrue(last.contains("\"exactly_one_forecast_per_accepted_event\":true"), last);
    }

    @Test
    void aWrongPasswordFailsFastWithoutPrintingIt() {
        String wrong = "wrong-" + System.nanoTime();
        List<String> args = new ArrayList<>(List.of("produce", "--topic", "sec-wrong", "--count", "10", "--quiet"));
        args.addAll(security(wrong));
        String[] r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(args.toArray(String[]::new)));
        assertNotEquals("0", r[0]);
        assertTrue(r[2].contains("Authentication failed") || r[2].contains("authentication"), r[2]);
        assertFalse(r[1].contains(wrong) || r[2].contains(wrong), "the password was printed");
    }
}
