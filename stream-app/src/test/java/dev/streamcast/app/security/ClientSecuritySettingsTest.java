package dev.streamcast.app.security;

import dev.streamcast.app.config.AppConfig;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client security settings reach every client unchanged, and their secrets are masked wherever configuration is
 * shown: by {@link AppConfig#describe()} and by Kafka's own "... values:" config log (which prints PASSWORD-typed
 * settings as {@code [hidden]}).
 */
class ClientSecuritySettingsTest {

    /** Every security setting a plain client knows: security.*, sasl.*, ssl.*. */
    private static TreeSet<String> securityKeys() {
        TreeSet<String> keys = new TreeSet<>();
        for (String k : AdminClientConfig.configNames()) {
            if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                keys.add(k);
            }
        }
        return keys;
    }

    @Test
    void everyClientSecuritySettingPassesUnchangedToPlainClientsAndStreams() {
        Map<String, String> given = new HashMap<>();
        for (String k : securityKeys()) {
            given.put(k, "value-of-" + k);
        }
        AppConfig cfg = AppConfig.load(null, Map.of(), given);
        Map<String, Object> plain = cfg.plainClientProps();
        Map<String, Object> streams = cfg.kafkaClientProps();
        for (String k : securityKeys()) {
            assertEquals("value-of-" + k, plain.get(k), k + " reaches the trainer's clients and the admin");
            assertEquals("value-of-" + k, streams.get(k), k + " reaches Kafka Streams");
        }
        assertTrue(securityKeys().containsAll(List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.location", "ssl.truststore.password", "ssl.keystore.password", "ssl.key.password",
                "ssl.endpoint.identification.algorithm", "sasl.login.callback.handler.class")));
        assertFalse(plain.containsKey("client.id"), "each client names itself");
    }

    @Test
    void environmentVariablesGiveTheSameSettings() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";";
        AppConfig cfg = AppConfig.load(null, Map.of("STREAMCAST_SECURITY_PROTOCOL", "SASL_SSL",
                "STREAMCAST_SASL_MECHANISM", "SCRAM-SHA-512", "STREAMCAST_SASL_JAAS_CONFIG", jaas,
                "STREAMCAST_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12"), Map.of());
        Map<String, Object> plain = cfg.plainClientProps();
        assertEquals("SASL_SSL", plain.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", plain.get("sasl.mechanism"));
        assertEquals(jaas, plain.get("sasl.jaas.config"));
        assertEquals("/etc/kafka/truststore.p12", plain.get("ssl.truststore.location"));
    }

    @Test
    void describeMasksEverySecret() {
        Map<String, String> given = new HashMap<>();
        List<String> secrets = List.of("sasl.jaas.config", "ssl.truststore.password", "ssl.keystore.password",
                "ssl.key.password", "ssl.keystore.key", "sasl.oauthbearer.client.credentials.client.secret",
                "http.auth.token", "producer.sasl.jaas.config");
        for (String k : secrets) {
            given.put(k, "s3cr3t-" + k.length());
        }
        given.put("security.protocol", "SASL_SSL");
        given.put("ssl.keystore.type", "PKCS12");
        Map<String, String> shown = AppConfig.load(null, Map.of(), given).describe();
        for (String k : secrets) {
            assertEquals("[hidden]", shown.get(k), k);
        }
        assertFalse(shown.toString().contains("s3cr3t"));
        assertEquals("SASL_SSL", shown.get("security.protocol"));
        assertEquals("PKCS12", shown.get("ssl.keystore.type"));
    }

    @Test
    void kafkasOwnConfigLogHidesEverySecretSetting() {
        List<String> secrets = List.of("sasl.jaas.config", "ssl.truststore.password", "ssl.keystore.password",
                "ssl.key.password", "ssl.keystore.key");
        ConfigDef streams = StreamsConfig.configDef();
        for (ConfigDef def : List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
                AdminClientConfig.configDef(), streams)) {
            for (String k : secrets) {
                // StreamsConfig does not define the client secrets at all (so never logs them); its clients do.
                ConfigDef.ConfigKey key = def.configKeys().get(k);
                assertTrue(def == streams ? key == null || key.type == ConfigDef.Type.PASSWORD
                        : key != null && key.type == ConfigDef.Type.PASSWORD, k + " is logged as [hidden]");
            }
        }
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", "127.0.0.1:9092");
        props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("sasl.jaas.config", "x required password=\"s3cr3t\";");
        ProducerConfig config = new ProducerConfig(props);
        assertEquals("[hidden]", String.valueOf(config.values().get("sasl.jaas.config")));
    }
}
