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
    void anEnvironmentVariableIsNamedWhenItsKeyIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.load(null, Map.of("STREAMCAST_RETRAIN_EVERY", "5"), Map.of()));
        assertTrue(e.getMessage().contains("from STREAMCAST_RETRAIN_EVERY"), e.getMessage());
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
