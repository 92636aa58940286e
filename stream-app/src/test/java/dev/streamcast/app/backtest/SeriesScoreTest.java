package dev.streamcast.app.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesScoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTinyScaleKeepsItsErrors() throws Exception {
        JsonNode j = JSON.readTree(new SeriesScore("s", 20, 7.512345678e-15, 9.87654321e-15, 0.75, 0.67, 0.9).toJson());
        assertEquals(7.512346e-15, j.get("mae").asDouble(), 1e-21);
        assertEquals(9.876543e-15, j.get("rmse").asDouble(), 1e-21);
    }

    @Test
    void ordinaryAndHugeValuesKeepSevenSignificantDigits() throws Exception {
        JsonNode j = JSON.readTree(new SeriesScore("s", 20, 0.58134412, 1.40532408244375e9, 15.168064, 0.872017, 1.0)
                .toJson());
        assertEquals(0.5813441, j.get("mae").asDouble());
        assertEquals(1.405324e9, j.get("rmse").asDouble());
        assertEquals(15.16806, j.get("smape").asDouble());
        assertEquals(1.0, j.get("coverage").asDouble());
    }

    @Test
    void undefinedMetricsAreNull() throws Exception {
        JsonNode j = JSON.readTree(new SeriesScore("*", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                .toJson());
        assertTrue(j.get("mae").isNull());
        assertTrue(j.get("mase").isNull());
    }
}
