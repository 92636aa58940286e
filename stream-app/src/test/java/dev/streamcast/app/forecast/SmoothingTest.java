package dev.streamcast.app.forecast;

import dev.streamcast.app.state.SeriesState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmoothingTest {

    private static final long MINUTE = 60_000L;

    @Test
    void subDailySeriesHaveADayInsideTheirWeek() {
        int halfHourly = Smoothing.period(30 * MINUTE, ForecastSettings.AUTO_PERIOD);
        assertEquals(336, halfHourly);
        assertEquals(48, Smoothing.cycle(30 * MINUTE, halfHourly));
        assertEquals(24, Smoothing.cycle(60 * MINUTE, Smoothing.period(60 * MINUTE, ForecastSettings.AUTO_PERIOD)));
        assertEquals(0, Smoothing.cycle(24 * 60 * MINUTE, 7), "daily points: the week is the only season");
        assertEquals(0, Smoothing.cycle(30 * MINUTE, 48), "a configured day-long season has no inner cycle");
        assertEquals(0, Smoothing.cycle(MINUTE, Smoothing.period(MINUTE, ForecastSettings.AUTO_PERIOD)));
    }

    /** After the first two seasons the double season (mean day + the rest) adds up to the single initial season. */
    @Test
    void theDoubleSeasonStartsAsTheSingleOneSplitIntoDayAndRest() {
        int m = 28;
        int d = 4;
        SeriesState st = new SeriesState(0, 1, 5);
        Smoothing.start(st, 10);
        Smoothing.startSeason(st, m, d, 10);
        for (int t = 1; t < 2 * m; t++) {
            double y = 10 + 0.01 * t + Math.sin(2 * Math.PI * t / d) + (t % m >= 20 ? 2 : 0);
            Smoothing.update(st, t, y, false, 0.2, 50, t - 1);
        }
        double dayMean = 0;
        for (int i = 0; i < d; i++) {
            dayMean += st.season[Smoothing.RINGS * m + i] / d;
        }
        assertEquals(0, dayMean, 1e-5, "the day ring is a deviation");
        for (int i = 0; i < m; i++) {
            assertEquals(st.season[i], st.season[Smoothing.DOUBLE * m + i] + st.season[Smoothing.RINGS * m + i % d], 1e-5);
        }
    }
}
