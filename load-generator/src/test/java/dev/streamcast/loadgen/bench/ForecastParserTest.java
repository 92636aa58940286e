package dev.streamcast.loadgen.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ForecastParserTest {

    static ForecastParser.Fields parse(String s) {
        return ForecastParser.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheTopLevelTsNotTheHorizons() {
        ForecastParser.Fields f = parse("{\"series\":\"s-1\",\"horizon\":[{\"ts\":99,\"mean\":1}],\"ts\":42,"
                + "\"value\":1.5,\"model_version\":3,\"warm\":true,\"imputed\":false}");
        assertEquals("s-1", f.series());
        assertEquals(42, f.ts());
    }

    @Test
    void acceptsIsoTsAndReportsUnreadableOnes() {
        assertEquals(1_704_067_200_000L, parse("{\"ts\":\"2024-01-01T00:00:00Z\"}").ts());
        assertEquals(Long.MIN_VALUE, parse("{\"value\":1}").ts());
        assertEquals(Long.MIN_VALUE, parse("not json").ts());
        assertEquals(Long.MIN_VALUE, ForecastParser.parse(null).ts());
        assertNull(parse("{\"ts\":1}").series());
    }
}
