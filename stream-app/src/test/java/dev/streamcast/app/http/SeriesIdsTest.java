package dev.streamcast.app.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SeriesIdsTest {

    @Test
    void decodesPercentEscapesAsUtf8AndKeepsPlus() {
        assertEquals("a b+c", SeriesIds.decode("a%20b+c"));
        assertEquals("sensor/7", SeriesIds.decode("sensor%2F7"));
        assertEquals("température", SeriesIds.decode("temp%C3%A9rature"));
        assertEquals("température", SeriesIds.decode("température"));
        assertEquals("📈", SeriesIds.decode("📈"));
    }

    @Test
    void refusesWhatCannotBeAKey() {
        assertNull(SeriesIds.decode(""));
        assertNull(SeriesIds.decode("%"));
        assertNull(SeriesIds.decode("%G1"));
        assertNull(SeriesIds.decode("%C3%28"), "invalid UTF-8");
        assertNull(SeriesIds.decode("x".repeat(257)));
        assertEquals(256, SeriesIds.decode("x".repeat(256)).length());
    }

    @Test
    void controlCharactersAreAskedForPercentEncoded() {
        assertEquals("tab\tkey", SeriesIds.decode("tab%09key"), "the stream accepts such keys, so queries must too");
        assertEquals("tab%09key", SeriesIds.encode("tab\tkey"));
    }

    @Test
    void encodeRoundTrips() {
        for (String id : new String[] {"<img src=x onerror=alert(1)>", "a/b?c#d", "température 📈", "100%", "a\u0000b"}) {
            assertEquals(id, SeriesIds.decode(SeriesIds.encode(id)));
        }
    }

    @Test
    void jsonLeavingTheApiCarriesNoMarkup() {
        assertEquals("\"\\u003cb\\u003e \\u0026 \\\"q\\\"\"", Reply.quote("<b> & \"q\""));
    }
}
