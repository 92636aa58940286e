package dev.streamcast.app.forecast;

import dev.streamcast.app.model.NaiveModel;
import dev.streamcast.app.record.Observation;
import dev.streamcast.app.state.SeriesState;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeArTest {

    private static final int PERIOD = 14;
    private static final int CYCLE = 2;

    /** The lags: 1-3, around the cycle and around the season, each once. */
    @Test
    void lagsSurroundTheCycleAndTheSeasonWithoutRepeats() {
        int[] lags = new int[ChangeAr.MAX_REGRESSORS];
        int q = ChangeAr.lags(336, 48, lags);
        assertArrayEquals(new int[] {1, 2, 3, 47, 48, 49, 335, 336, 337}, Arrays.copyOf(lags, q));
        q = ChangeAr.lags(PERIOD, CYCLE, lags);
        assertArrayEquals(new int[] {1, 2, 3, 13, 14, 15}, Arrays.copyOf(lags, q));
        q = ChangeAr.lags(96, 0, lags);
        assertArrayEquals(new int[] {1, 2, 3, 95, 96, 97}, Arrays.copyOf(lags, q), "a day season alone");
    }

    /** Changes that repeat every season (a week the rings have not learned) are predicted, one and three ahead. */
    @Test
    void learnsChangesThatRepeatEverySeason() {
        double[] week = new double[PERIOD];
        for (int i = 0; i < PERIOD; i++) {
            week[i] = Math.sin(1.7 * i * i);
        }
        double[] m = new double[ChangeAr.size(PERIOD)];
        double[] scratch = new double[ChangeAr.scratch(3)];
        int[] lags = new int[ChangeAr.MAX_REGRESSORS];
        int q = ChangeAr.lags(PERIOD, CYCLE, lags);
        int n = 60 * PERIOD;
        for (int t = 1; t < n; t++) {
            double change = week[t % PERIOD];
            double own = ChangeAr.next(m, 0, PERIOD, lags, q, t, scratch);
            // The main forecast is off by 1 every time; this model's error shrinks as it learns.
            ChangeAr.update(m, 0, PERIOD, lags, q, t, change, 1.0, change - own, false, 0.02, scratch);
        }
        assertEquals(week[n % PERIOD], ChangeAr.next(m, 0, PERIOD, lags, q, n, scratch), 0.02);
        double[] ahead = new double[3];
        ChangeAr.forecast(m, 0, PERIOD, lags, q, n, ahead, scratch);
        for (int k = 0; k < 3; k++) {
            assertEquals(week[(n + k) % PERIOD], ahead[k], 0.02, "step " + (k + 1));
        }
        assertTrue(ChangeAr.weight(m, 0, PERIOD) < 0.01, "the better model takes the blend");
    }

    /** White-noise changes: it cannot predict them, so the main forecast with its smaller errors keeps the blend. */
    @Test
    void aWorseModelLeavesTheBlendToTheMainForecast() {
        double[] m = new double[ChangeAr.size(PERIOD)];
        double[] scratch = new double[ChangeAr.scratch(1)];
        int[] lags = new int[ChangeAr.MAX_REGRESSORS];
        int q = ChangeAr.lags(PERIOD, CYCLE, lags);
        Random random = new Random(5);
        for (int t = 1; t < 40 * PERIOD; t++) {
            if (t == 2 * (PERIOD + 2)) {
                assertEquals(1.0, ChangeAr.weight(m, 0, PERIOD), "not scored yet: the main forecast alone");
            }
            double change = random.nextGaussian();
            double own = ChangeAr.next(m, 0, PERIOD, lags, q, t, scratch);
            ChangeAr.update(m, 0, PERIOD, lags, q, t, change, 0.5 * (change - own), change - own, false, 0.02,
                    scratch);
        }
        double w = ChangeAr.weight(m, 0, PERIOD);
        assertEquals(0.8, w, 0.01, "errors half as large: (1/0.25) / (1/0.25 + 1) of the blend");
    }

    /** Changes that keep growing: an explosive fit still predicts none larger than the last ones, at any horizon. */
    @Test
    void longHorizonsStayBoundedByTheLastChanges() {
        double[] m = new double[ChangeAr.size(PERIOD)];
        double[] scratch = new double[ChangeAr.scratch(1000)];
        int[] lags = new int[ChangeAr.MAX_REGRESSORS];
        int q = ChangeAr.lags(PERIOD, CYCLE, lags);
        double c = 1e-3;
        int n = 6 * PERIOD;
        double largest = 0;
        for (int t = 1; t < n; t++) {
            c *= -1.1;
            largest = Math.max(largest, Math.abs(c));
            ChangeAr.update(m, 0, PERIOD, lags, q, t, c, 0, 0, false, 0.02, scratch);
        }
        double[] out = new double[1000];
        ChangeAr.forecast(m, 0, PERIOD, lags, q, n, out, scratch);
        for (double p : out) {
            assertTrue(Math.abs(p) <= largest, "bounded: " + p);
        }
    }

    /**
     * forecast.change.ar=false: a half-hourly series keeps no such model (nor its week of changes), and one that had
     * it drops it, so turning it on again later starts it afresh instead of from stale changes.
     */
    @Test
    void theSettingTurnsItOff() {
        SeriesForecaster on = forecaster(true);
        SeriesForecaster off = forecaster(false);
        SeriesState kept = on.newState(NaiveModel.INSTANCE);
        SeriesState never = off.newState(NaiveModel.INSTANCE);
        int i = 0;
        for (; i < 48 * 16; i++) {
            halfHour(on, kept, i);
            halfHour(off, never, i);
        }
        assertEquals(336, kept.period);
        assertEquals(ErrorAr.size(336, 48) + ChangeAr.size(336), kept.errorModel.length, "on");
        assertEquals(ErrorAr.size(336, 48), never.errorModel.length, "off");
        halfHour(off, kept, i);
        assertEquals(ErrorAr.size(336, 48), kept.errorModel.length, "turned off: dropped");
    }

    private static SeriesForecaster forecaster(boolean changeAr) {
        ForecastSettings d = ForecastSettings.defaults();
        return new SeriesForecaster(new ForecastSettings(d.horizon(), d.level(), d.window(), d.errorWindow(),
                d.sampleEvery(), d.seasonPeriod(), d.seasonGamma(), d.top(), d.memory(), d.densePoints(),
                d.logPositive(), changeAr, d.seriesPeriods()));
    }

    private static void halfHour(SeriesForecaster f, SeriesState st, int i) {
        f.apply(st, new Observation("hh", i * 1_800_000L,
                500 + 100 * Math.sin(2 * Math.PI * i / 48) + i % 7, false),
                NaiveModel.INSTANCE, null);
    }

    /** 15-minute points (a day season, the week does not fit) have the model; daily and monthly ones do not. */
    @Test
    void onlySeriesOfSubDailyPointsHaveIt() {
        long minute = 60_000L;
        long[] steps = {15 * minute, 24 * 60 * minute, 30L * 24 * 60 * minute};
        int[] periods = {96, 7, 12};
        boolean[] has = {true, false, false};
        for (int s = 0; s < steps.length; s++) {
            SeriesForecaster f = new SeriesForecaster(ForecastSettings.defaults());
            SeriesState st = f.newState(NaiveModel.INSTANCE);
            for (int i = 0; i < 300; i++) {
                f.apply(st, new Observation("s", i * steps[s], 50 + Math.sin(i) + i % 5,
                        false), NaiveModel.INSTANCE, null);
            }
            assertEquals(periods[s], st.period);
            assertEquals(ErrorAr.size(st.period, st.cycle) + (has[s] ? ChangeAr.size(st.period) : 0),
                    st.errorModel.length, "season of " + periods[s]);
        }
    }

    /** Recent errors near the smallest doubles (a series that stopped moving) still give a weight in [0, 1]. */
    @Test
    void tinyErrorsStillGiveAWeight() {
        for (double[] errors : new double[][] {{1e-170, 1e-170}, {1e-170, 3e-170}, {3e-300, 1e-300}, {0, 0}}) {
            double[] m = new double[ChangeAr.size(PERIOD)];
            double[] scratch = new double[ChangeAr.scratch(1)];
            int[] lags = new int[ChangeAr.MAX_REGRESSORS];
            int q = ChangeAr.lags(PERIOD, CYCLE, lags);
            for (int t = 1; t < 10 * PERIOD; t++) {
                ChangeAr.update(m, 0, PERIOD, lags, q, t, 0, errors[0], errors[1], false, 0.02, scratch);
            }
            double w = ChangeAr.weight(m, 0, PERIOD);
            assertTrue(w >= 0 && w <= 1, "errors " + errors[0] + " / " + errors[1] + ": weight " + w);
        }
    }

    /**
     * An imputed value below 0 in a log series (the RNN's correction can take the forecast there) leaves nothing
     * non-finite behind: the change model skips what the log cannot hold.
     */
    @Test
    void anImputedValueALogCannotHoldLeavesTheStateFinite() {
        SeriesForecaster f = new SeriesForecaster(ForecastSettings.defaults());
        SeriesState st = f.newState(NaiveModel.INSTANCE);
        int i = 0;
        for (; i < 48 * 16; i++) {
            f.apply(st, new Observation("hh", i * 1_800_000L,
                    500 + 100 * Math.sin(2 * Math.PI * i / 48) + i % 7, false),
                    NaiveModel.INSTANCE, null);
        }
        assertTrue(ChangeAr.weight(st.errorModel, ErrorAr.size(336, 48), 336) < 1, "the change model is in use");
        st.pending = -0.5;
        f.apply(st, new Observation("hh", i++ * 1_800_000L, Double.NaN, true),
                NaiveModel.INSTANCE, null);
        for (int k = 0; k < 48; k++, i++) {
            Forecast out = f.apply(st, new Observation("hh", i * 1_800_000L,
                    500 + 100 * Math.sin(2 * Math.PI * i / 48), false), NaiveModel.INSTANCE,
                    null);
            for (double m : out.mean()) {
                assertTrue(Double.isFinite(m), "forecast " + m + " at point " + i);
            }
        }
        assertTrue(Double.isFinite(st.ewms), "scale " + st.ewms);
        for (double v : st.errorModel) {
            assertTrue(Double.isFinite(v), "error model " + Arrays.toString(st.errorModel));
        }
    }

    /** A state stored before this model existed gets an empty one after its own error model, which it keeps. */
    @Test
    void anOlderStateGrowsAnEmptyModel() {
        int base = ErrorAr.size(PERIOD, CYCLE);
        double[] old = new double[base];
        old[0] = 0.25;
        old[base - 1] = -3;
        double[] grown = ChangeAr.sized(old, base, PERIOD);
        assertEquals(base + ChangeAr.size(PERIOD), grown.length);
        assertEquals(0.25, grown[0]);
        assertEquals(-3, grown[base - 1]);
        assertEquals(1.0, ChangeAr.weight(grown, base, PERIOD));
        assertTrue(grown == ChangeAr.sized(grown, base, PERIOD), "no copy once sized");
    }
}
