package dev.streamcast.loadgen.produce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientSettingsTest {

    @TempDir
    Path dir;

    @Test
    void fileAndOverridesPassThroughUnchangedOverTheToolsDefaults() throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="s3cret";
                ssl.truststore.password=trust-me
                linger.ms=50
                """);
        ClientSettings c = ClientSettings.load("h:1", file, Map.of("linger.ms", "7", "client.rack", "r1"));
        Properties p = c.with(Map.of("linger.ms", "10", "acks", "all"));
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertTrue(p.getProperty("sasl.jaas.config").contains("password=\"s3cret\""));
        assertEquals("7", p.get("linger.ms"), "-X beats the file, the file beats the tool's default");
        assertEquals("all", p.get("acks"));
        assertEquals("h:1", p.get("bootstrap.servers"));
        assertEquals("r1", p.get("client.rack"));

        String shown = c.describe();
        assertFalse(shown.contains("s3cret") || shown.contains("trust-me"), shown);
        assertTrue(shown.contains("sasl.jaas.config"), shown);
        assertTrue(ClientSettings.isSecret("ssl.truststore.password"));
        assertTrue(ClientSettings.isSecret("sasl.jaas.config"));
        assertFalse(ClientSettings.isSecret("security.protocol"));
    }
}
