package dev.streamcast.app.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppConfigTest {

    @Test
    void aMisspeltSettingOfTheForecasterIsRefusedWithTheNearestKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.load(null, Map.of(), Map.of("forecast.horizn", "3")));
        assertTrue(e.getMessage().contains("unknown setting 'forecast.horizn' from --set"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean forecast.horizon?"), e.getMessage());
    }

    @Test
    void anUnknownKeyFromTheEnvironmentIsOnlyWarnedAbout() {
        // Kubernetes adds service links such as STREAMCAST_HTTP_SERVICE_HOST for a Service named streamcast-http.
        AppConfig c = AppConfig.load(null, Map.of("STREAMCAST_HTTP_SERVICE_HOST", "10.0.0.1",
                "STREAMCAST_RETRAIN_EVERY", "5"), Map.of());
        assertFalse(c.kafkaClientProps().containsKey("http.service.host"));
    }

    @Test
    void kafkaKeysUnderTheForecastersOwnPrefixesAreNotRefused() {
        AppConfig c = AppConfig.load(null, Map.of("STREAMCAST_STATE_DIR", "/var/lib/streamcast"), Map.of(
                "state.cleanup.delay.ms", "60000", "rocksdb.config.setter", "x.Setter",
                "main.consumer.max.poll.records", "100", "topic.leader.replication.throttled.replicas", "*"));
        Map<String, Object> clients = c.kafkaClientProps();
        assertEquals("60000", clients.get("state.cleanup.delay.ms"));
        assertEquals("x.Setter", clients.get("rocksdb.config.setter"));
        assertEquals("100", clients.get("main.consumer.max.poll.records"));
        assertEquals("*", clients.get("topic.leader.replication.throttled.replicas"), "any internal-topic setting");
        assertEquals("/var/lib/streamcast", c.get("state.dir"));
    }

    @Test
    void anUnknownKeyOutsideTheForecastersNamespacesIsIgnoredNotPassedOn() {
        AppConfig c = AppConfig.load(null, Map.of("STREAMCAST_HOME", "/opt"), Map.of("nosuch.key", "1"));
        assertFalse(c.kafkaClientProps().containsKey("nosuch.key"));
        assertFalse(c.kafkaClientProps().containsKey("home"));
    }

    @Test
    void kafkaSettingsPassThroughIncludingInternalTopicSettings() {
        AppConfig c = AppConfig.load(null, Map.of(), Map.of("producer.linger.ms", "20", "topic.segment.bytes",
                "1048576", "security.protocol", "SSL", "statestore.cache.max.bytes", "0"));
        Map<String, Object> clients = c.kafkaClientProps();
        assertEquals("20", clients.get("producer.linger.ms"));
        assertEquals("1048576", clients.get("topic.segment.bytes"));
        assertEquals("SSL", clients.get("security.protocol"));
        assertEquals("0", clients.get("statestore.cache.max.bytes"));
        assertFalse(clients.containsKey("topic.observations"), "the forecaster's own topic names are not Kafka's");
    }

    @Test
    void aMisspeltTopicNameSettingIsRefusedThoughTopicIsAlsoAKafkaPrefix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.load(null, Map.of(), Map.of("topic.observatons", "in")));
        assertTrue(e.getMessage().contains("did you mean topic.observations?"), e.getMessage());
    }
}
