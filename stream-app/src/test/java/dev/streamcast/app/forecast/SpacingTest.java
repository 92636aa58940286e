package dev.streamcast.app.forecast;

import dev.streamcast.app.model.NaiveModel;
import dev.streamcast.app.record.Observation;
import dev.streamcast.app.state.SeriesState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static dev.streamcast.app.forecast.Spacing.DAY;
import static dev.streamcast.app.forecast.Spacing.HOUR;
import static dev.streamcast.app.forecast.Spacing.MINUTE;
import static dev.streamcast.app.forecast.Spacing.SECOND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SpacingTest {

    @Test
    void aJitteredGapIsTheCleanStepNearIt() {
        assertEquals(30 * MINUTE, Spacing.clean(30 * MINUTE + 41 * SECOND + 234));
        assertEquals(30 * MINUTE, Spacing.clean(30 * MINUTE - 50 * SECOND));
        assertEquals(MINUTE, Spacing.clean(MINUTE + 1300));
        assertEquals(HOUR, Spacing.clean(HOUR - 2 * MINUTE));
        assertEquals(DAY, Spacing.clean(23 * HOUR), "a day that daylight saving shortened");
        assertEquals(DAY, Spacing.clean(25 * HOUR));
    }

    @Test
    void aCleanOrIrregularGapIsItself() {
        for (long gap : new long[] {75 * SECOND, 90 * MINUTE, 7 * MINUTE, 45 * MINUTE, 5 * SECOND, 7 * DAY, 31 * DAY}) {
            assertEquals(gap, Spacing.clean(gap));
        }
        assertEquals(22 * MINUTE + 48 * SECOND, Spacing.clean(22 * MINUTE + 48 * SECOND), "24 minutes is 5% away");
        assertEquals(75 * SECOND, Spacing.clean(75 * SECOND + 400), "75 s divides a day");
    }

    @Test
    void aJitteredHalfHourlySeriesHasItsWeekAndDay() {
        int period = Smoothing.period(Spacing.clean(29 * MINUTE + 58 * SECOND), ForecastSettings.AUTO_PERIOD);
        assertEquals(336, period);
        assertEquals(48, Smoothing.cycle(Spacing.clean(29 * MINUTE + 58 * SECOND), period));
    }

    @Test
    void aGapCountsTheStepsItSkipped() {
        assertEquals(0, Spacing.skipped(30 * MINUTE, 30 * MINUTE, 336));
        assertEquals(0, Spacing.skipped(44 * MINUTE, 30 * MINUTE, 336), "late, not missed");
        assertEquals(1, Spacing.skipped(61 * MINUTE, 30 * MINUTE, 336));
        assertEquals(5, Spacing.skipped(3 * HOUR, 30 * MINUTE, 336));
        assertEquals(1, Spacing.skipped(59 * DAY, 31 * DAY, 12), "January 31 to March 31");
        assertEquals(0, Spacing.skipped(31 * DAY, 28 * DAY, 12), "a long month after February");
        assertEquals(11, Spacing.skipped(365 * DAY, 31 * DAY, 12), "a year, counted in mean months");
        assertEquals(1, Spacing.skipped(181 * DAY, 90 * DAY, 4));
    }

    @Test
    void onlySeasonalSeriesAndShortOutagesAreFilled() {
        assertEquals(0, Spacing.skipped(3 * HOUR, 30 * MINUTE, 0), "no season: its spacing need not be regular");
        assertEquals(24, Spacing.skipped(25 * HOUR, HOUR, 24), "two days of an hourly day, 24 filled");
        assertEquals(47, Spacing.skipped(48 * HOUR, HOUR, 24));
        assertEquals(0, Spacing.skipped(50 * HOUR, HOUR, 24), "beyond two seasons: resumes as if none missed");
    }

    /** A reading dropped without a word is filled just as a gap the input names ("value": null). */
    @Test
    void aDroppedPointIsFilledAsAnExplicitGapWouldBe() {
        long start = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
        int n = 24 * 21;
        int dropped = 24 * 15 + 7;
        Random noise = new Random(3);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 100 + 20 * Math.sin(2 * Math.PI * i / 24) + noise.nextGaussian();
        }
        SeriesForecaster withGap = new SeriesForecaster(ForecastSettings.defaults());
        SeriesForecaster withDrop = new SeriesForecaster(ForecastSettings.defaults());
        NaiveModel model = NaiveModel.INSTANCE;
        SeriesState a = withGap.newState(model);
        SeriesState b = withDrop.newState(model);
        Random jitter = new Random(5);
        for (int i = 0; i < n; i++) {
            long ts = start + i * HOUR + (i < 2 ? 0 : jitter.nextInt(60_001) - 30_000);
            boolean gap = i == dropped;
            Forecast fa = withGap.apply(a, new Observation("s", ts, gap ? Double.NaN : values[i], gap), model, null);
            if (gap) {
                continue;
            }
            Forecast fb = withDrop.apply(b, new Observation("s", ts, values[i], false), model, null);
            assertEquals(i == dropped + 1 ? 1 : 0, withDrop.lastFilled(), "point " + i);
            assertArrayEquals(fa.mean(), fb.mean(), 1e-9, "point " + i);
            assertArrayEquals(fa.upper(), fb.upper(), 1e-9, "point " + i);
        }
        assertEquals(a.count, b.count);
        assertEquals(168, b.period);
        assertEquals(HOUR, b.step, "the nominal spacing, not the last jittered gap");
    }

    /** Without the fill, the dropped reading would leave every later point a season-phase behind. */
    @Test
    void aSeriesWithoutSeasonIsNotFilled() {
        SeriesForecaster f = new SeriesForecaster(ForecastSettings.defaults());
        NaiveModel model = NaiveModel.INSTANCE;
        SeriesState st = f.newState(model);
        long[] ts = {0, 7 * DAY, 14 * DAY, 28 * DAY, 35 * DAY}; // weekly: no season
        for (long t : ts) {
            f.apply(st, new Observation("w", t, 5.0 + t / DAY, false), model, null);
            assertEquals(0, f.lastFilled());
        }
        assertEquals(ts.length, st.count);
        assertEquals(7 * DAY, st.step);
    }
}
