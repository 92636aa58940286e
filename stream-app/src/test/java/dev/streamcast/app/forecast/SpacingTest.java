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
        assertEquals(75 * SECOND, Spacing.clean(75 * SECOND + 400), "75 s divides a day");
        assertEquals(DAY, Spacing.clean(23 * HOUR), "a day that daylight saving shortened");
        assertEquals(DAY, Spacing.clean(25 * HOUR));
    }

    @Test
    void aJitteredMonthOrQuarterIsWholeDays() {
        assertEquals(31 * DAY, Spacing.clean(31 * DAY + 4400));
        assertEquals(28 * DAY, Spacing.clean(28 * DAY - 24 * SECOND));
        assertEquals(31 * DAY, Spacing.clean(31 * DAY + HOUR), "a month of local midnights across daylight saving");
        assertEquals(92 * DAY, Spacing.clean(92 * DAY - 30 * SECOND));
        assertEquals(12, Smoothing.period(Spacing.clean(31 * DAY + 4400), ForecastSettings.AUTO_PERIOD));
        assertEquals(4, Smoothing.period(Spacing.clean(92 * DAY - 30 * SECOND), ForecastSettings.AUTO_PERIOD));
    }

    @Test
    void aCleanOrIrregularGapIsItself() {
        for (long gap : new long[] {75 * SECOND, 90 * MINUTE, 7 * MINUTE, 45 * MINUTE, 5 * SECOND, 7 * DAY, 31 * DAY,
                288 * SECOND, 1728 * SECOND, 3456 * SECOND, 12 * HOUR, 0, -5}) {
            assertEquals(gap, Spacing.clean(gap), "gap " + gap);
        }
        assertEquals(22 * MINUTE + 48 * SECOND, Spacing.clean(22 * MINUTE + 48 * SECOND), "24 minutes is 5% away");
        assertEquals(DAY + 4 * HOUR, Spacing.clean(DAY + 4 * HOUR), "not a whole number of days");
    }

    /** Every step that divides a day keeps the season it had before spacings were cleaned. */
    @Test
    void everyDividingStepKeepsItsSeason() {
        for (long s = MINUTE; s < DAY; s += SECOND) {
            if (DAY % s == 0) {
                assertEquals(s, Spacing.clean(s), "step " + s);
            }
        }
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
    void aLateReadingSkippedNothing() {
        assertEquals(0, Spacing.skipped(HOUR + 46 * MINUTE, HOUR, 168), "1.77 steps: a reading 46 minutes late");
        assertEquals(1, Spacing.skipped(HOUR + 50 * MINUTE, HOUR, 168), "1.83 steps: taken for a skipped one");
        assertEquals(0, Spacing.skipped(2 * HOUR + 40 * MINUTE, HOUR, 168));
        assertEquals(1, Spacing.skipped(2 * HOUR + 10 * MINUTE, HOUR, 168), "one skipped, the next a little late");
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

    /** A reading that comes late (not a whole step) is taken as it comes: the forecasts are those of an on-time one. */
    @Test
    void aLateReadingKeepsTheSeasonInPhase() {
        SeriesForecaster onTime = new SeriesForecaster(ForecastSettings.defaults());
        SeriesForecaster late = new SeriesForecaster(ForecastSettings.defaults());
        NaiveModel model = NaiveModel.INSTANCE;
        SeriesState a = onTime.newState(model);
        SeriesState b = late.newState(model);
        for (int i = 0; i < 400; i++) {
            double v = 50 + 10 * Math.sin(2 * Math.PI * i / 24) + (i % 5);
            Forecast fa = onTime.apply(a, new Observation("s", i * HOUR, v, false), model, null);
            Forecast fb = late.apply(b, new Observation("s", i * HOUR + (i == 300 ? 46 * MINUTE : 0), v, false),
                    model, null);
            assertEquals(0, late.lastFilled(), "point " + i);
            assertArrayEquals(fa.mean(), fb.mean(), 1e-9, "point " + i);
        }
        assertEquals(a.count, b.count);
    }

    /** A configured season says how many points a cycle has: business days with a period of 5 get no weekends. */
    @Test
    void aConfiguredSeasonIsNotFilled() {
        ForecastSettings five = new ForecastSettings(6, 0.9, 24, 100, 4, 5, 0.2, 3, 150, 1000, true, true, null);
        SeriesForecaster f = new SeriesForecaster(five);
        NaiveModel model = NaiveModel.INSTANCE;
        SeriesState st = f.newState(model);
        long monday = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
        int points = 0;
        for (int day = 0; day < 70; day++) {
            if (day % 7 < 5) {
                f.apply(st, new Observation("b", monday + day * DAY, 100 + day % 7, false), model, null);
                assertEquals(0, f.lastFilled(), "day " + day);
                points++;
            }
        }
        assertEquals(5, st.period);
        assertEquals(points, st.count);
    }

    /**
     * A state stored by an earlier version kept its last gap as its step, an outage maybe; the next gap replaces it.
     */
    @Test
    void aStoredOutageGapIsNotKeptAsTheSpacing() {
        SeriesForecaster f = new SeriesForecaster(ForecastSettings.defaults());
        NaiveModel model = NaiveModel.INSTANCE;
        SeriesState st = f.newState(model);
        int i = 0;
        for (; i < 200; i++) {
            f.apply(st, new Observation("s", i * HOUR, 10 + i % 24, false), model, null);
        }
        st.step = 26 * HOUR;
        f.apply(st, new Observation("s", i * HOUR, 10 + i % 24, false), model, null);
        assertEquals(HOUR, st.step);
        i += 3;
        Forecast after = f.apply(st, new Observation("s", i * HOUR, 10 + i % 24, false), model, null);
        assertEquals(2, f.lastFilled());
        assertEquals(i * HOUR + HOUR, after.horizonTs()[0]);
    }
}
