package dev.streamcast.app.forecast;

import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.model.NaiveModel;
import dev.streamcast.app.record.Observation;
import dev.streamcast.app.state.SeriesState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesPeriodsTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void theFirstMatchingPatternWinsAndOtherSeriesTakeTheDefault() {
        SeriesPeriods p = SeriesPeriods.parse(" sensor-*=24 , price-*=0, *-weekly=auto,sensor-7=12");
        assertEquals(24, p.periodOf("sensor-1", 7));
        assertEquals(24, p.periodOf("sensor-7", 7), "sensor-* comes first");
        assertEquals(0, p.periodOf("price-EURUSD", 7));
        assertEquals(ForecastSettings.AUTO_PERIOD, p.periodOf("load-weekly", 7));
        assertEquals(7, p.periodOf("pressure", 7));
        assertEquals(7, p.periodOf("my-sensor-1", 7), "a pattern matches the whole id");
    }

    @Test
    void patternCharactersOtherThanTheStarAreLiteral() {
        SeriesPeriods p = SeriesPeriods.parse("a.b(c)+=48,x*y=2");
        assertEquals(48, p.periodOf("a.b(c)+", 0));
        assertEquals(0, p.periodOf("aXb(c)+", 0));
        assertEquals(2, p.periodOf("xy", 0));
        assertEquals(2, p.periodOf("x\nmiddle\ny", 0));
    }

    @Test
    void wildcardsMatchAnyRunIncludingNone() {
        assertTrue(SeriesPeriods.matches("*", ""));
        assertTrue(SeriesPeriods.matches("a*b*c", "abc"));
        assertTrue(SeriesPeriods.matches("a*b*c", "aXXbYbZc"));
        assertTrue(SeriesPeriods.matches("**x", "yyx"));
        assertTrue(!SeriesPeriods.matches("a*b*c", "aXXbYbZcd"));
        assertTrue(!SeriesPeriods.matches("a*", "ba"));
        assertTrue(!SeriesPeriods.matches("", "a"));
    }

    /** A many-star pattern against a long id that almost matches: a backtracking regex took about a minute here. */
    @Test
    void manyStarsOnALongIdStayCheap() {
        String id = "-".repeat(256);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertTrue(!SeriesPeriods.matches("*-*-*-*-*-*-*-weekly", id));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "100 matchings took " + millis + " ms");
    }

    @Test
    void aNegativePeriodIsRefusedForTheDefaultToo() {
        assertThrows(IllegalArgumentException.class, () -> ForecastSettings.parsePeriod("-1"));
        assertEquals(ForecastSettings.AUTO_PERIOD, ForecastSettings.parsePeriod(" AUTO "));
    }

    @Test
    void settingsWithTheSameRulesAreEqual() {
        assertEquals(SeriesPeriods.parse("a=2, b=0"), SeriesPeriods.parse("a=2, b=0"));
        assertEquals(new ForecastSettings(6, 0.9, 24, 100, 4), ForecastSettings.defaults());
    }

    @Test
    void anEmptySettingConfiguresNoSeries() {
        assertTrue(SeriesPeriods.parse("").isEmpty());
        assertTrue(SeriesPeriods.parse("  ").isEmpty());
        assertEquals(5, SeriesPeriods.parse(null).periodOf("any", 5));
    }

    @Test
    void badEntriesAreRefusedWithTheEntryNamed() {
        for (String bad : new String[] {"sensor-*", "=24", "sensor-*=", "a=24,", "a=1", "a=401", "a=-2", "a=-1",
            "a=day", "a=24,a=12"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeriesPeriods.parse(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("forecast.season.period.series"), e.getMessage());
        }
    }

    @Test
    void theSettingReachesTheForecasterFromTheConfiguration() {
        AppConfig config = AppConfig.load(null, Map.of("STREAMCAST_FORECAST_SEASON_PERIOD_SERIES", "price-*=0"),
                Map.of("forecast.season.period", "24"));
        assertEquals(0, config.forecast().periodFor("price-1"));
        assertEquals(24, config.forecast().periodFor("sensor-1"));
    }

    /** Two hourly series: the one a rule names gets its season, the other the spacing's (a week of hours). */
    @Test
    void eachSeriesStartsItsSeasonFromItsOwnRule() {
        AppConfig config = AppConfig.load(null, Map.of(), Map.of("forecast.season.period.series", "price-*=0,"
                + "sensor-*=24"));
        SeriesForecaster f = new SeriesForecaster(config.forecast());
        NaiveModel model = NaiveModel.INSTANCE;
        for (String id : new String[] {"price-1", "sensor-1", "other"}) {
            SeriesState st = f.newState(model);
            for (int i = 0; i < 3; i++) {
                f.apply(st, new Observation(id, i * HOUR, 10.0 + i, false), model, null);
            }
            int expected = id.startsWith("price") ? 0 : id.startsWith("sensor") ? 24 : 168;
            assertEquals(expected, st.period, id);
        }
    }
}
