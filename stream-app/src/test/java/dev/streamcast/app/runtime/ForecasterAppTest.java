package dev.streamcast.app.runtime;

import dev.streamcast.app.config.AppConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ForecasterAppTest {

    private final ForecasterApp app = new ForecasterApp(AppConfig.defaults(), null, null);

    @Test
    void theRecordCacheIs64MbUnlessTheHeapIsSmall() {
        assertEquals(64L << 20, ForecasterApp.recordCacheBytes(4L << 30));
        assertEquals(32L << 20, ForecasterApp.recordCacheBytes(256L << 20), "an eighth of a 256 MB heap");
        Properties p = app.streamsProps(Map.of());
        assertEquals(ForecasterApp.recordCacheBytes(Runtime.getRuntime().maxMemory()),
                p.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG));
    }

    /** The assignor reads its settings from the main consumer's: without the flag there, it warned at every start. */
    @Test
    void theMainConsumerCarriesTheGlobalProcessingHandlerFlagForTheAssignor() {
        Properties p = app.streamsProps(Map.of("bootstrap.servers", "127.0.0.1:1"));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "t");
        Map<String, Object> consumer = new StreamsConfig(p).getMainConsumerConfigs("g", "c", 0);
        assertEquals("true", String.valueOf(consumer.get("processing.exception.handler.global.enabled")));
    }

    /** run --help lists the Kafka settings the forecaster sets: what it lists is what it sets. */
    @Test
    void theHelpListsTheKafkaSettingsAsSet() {
        Properties p = app.streamsProps(Map.of());
        String help = dev.streamcast.app.cli.RunCommand.settingsTable();
        for (String key : new String[] {"max.task.idle.ms", "producer.batch.size", "producer.linger.ms",
                "producer.compression.type"}) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^  " + java.util.regex.Pattern.quote(key)
                    + " +(\\S+)").matcher(help);
            org.junit.jupiter.api.Assertions.assertTrue(m.find(), key + " in the help");
            assertEquals(String.valueOf(p.get(key)), m.group(1), key);
        }
        assertEquals(String.valueOf(ForecasterApp.DEFAULT_RECORD_CACHE_BYTES),
                help.replaceAll("(?s).*statestore.cache.max.bytes +(\\S+).*", "$1"));
    }

    @Test
    void aUsersRecordCacheSettingWins() {
        Properties p = app.streamsProps(Map.of(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "1000"));
        assertEquals("1000", p.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG));
        p = app.streamsProps(Map.of("cache.max.bytes.buffering", "2000"));
        assertFalse(p.containsKey(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG), "the older name is the user's");
    }
}
