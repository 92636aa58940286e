package dev.streamcast.app.forecast;

import dev.streamcast.app.state.SeriesState;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CombinationTest {

    /** Candidate 3: alpha 1, no trend, no season (naive); candidate 7: alpha 1 with the slow damped trend. */
    private static SeriesState twoCandidates(double naiveError, double trendError) {
        SeriesState st = new SeriesState(0, 1, 5);
        Smoothing.start(st, 0);
        Arrays.fill(st.rank, 10.0);
        st.rank[3] = naiveError;
        st.rank[7] = trendError;
        st.level[3] = 10;
        st.level[7] = 20;
        st.diffCount = 200;
        st.count = 201;
        return st;
    }

    @Test
    void amongNearEqualsTheSimplerCandidateWins() {
        SeriesState st = twoCandidates(1.0, 0.99);
        Combination bank = new Combination(3, 150);
        bank.choose(st);
        double f = bank.forecast(st, 0, 1);
        assertTrue(f < 12, "the naive candidate, two constants simpler, carries the forecast: " + f);
    }

    /** A top larger than the candidates a series uses (the double-seasonal ones are unused here) weighs those. */
    @Test
    void aTopBeyondTheUsedCandidatesWeighsOnlyThem() {
        SeriesState st = twoCandidates(1.0, 0.7);
        Combination bank = new Combination(Smoothing.CANDIDATES, 150);
        bank.choose(st);
        assertEquals(20, bank.forecast(st, 0, 1), 0.01);
    }

    /**
     * 2% less error over 150 points is a streak, not proof: two candidates with as many constants are averaged
     * (counted as 150 independent errors, the better one took 95% of the weight).
     */
    @Test
    void aSlightlyBetterCandidateIsAveragedWithItsPeer() {
        SeriesState st = twoCandidates(0.98, 10.0);
        st.rank[2] = 1.0; // alpha 0.6, no trend, no season: one constant, as the naive candidate
        st.level[2] = 20;
        Combination bank = new Combination(3, 150);
        bank.choose(st);
        double f = bank.forecast(st, 0, 1);
        assertTrue(f > 12 && f < 15, "the slightly worse one keeps a share: " + f);
    }

    /**
     * Right after the bank restarted (five points ago) its ranks cover five points, not the memory: 10% less error
     * over them is no proof, and the two peers are averaged; over 150 points the better one all but takes over.
     */
    @Test
    void aRankOverFewPointsSinceARestartIsWeighedAsFew() {
        SeriesState st = twoCandidates(0.9, 10.0);
        st.rank[2] = 1.0;
        st.level[2] = 20;
        Combination bank = new Combination(3, 150);
        bank.choose(st);
        double settled = bank.forecast(st, 0, 1);
        st.seasonStart = st.count - 6;
        bank.choose(st);
        double restarted = bank.forecast(st, 0, 1);
        assertTrue(settled < 10.5, "over 150 points: " + settled);
        assertTrue(restarted > 13 && restarted < 17, "five points since the restart: " + restarted);
    }

    /** 30% less error over 150 points (37.5 independent ones) outweighs two more constants. */
    @Test
    void aClearlyBetterCandidateTakesOver() {
        SeriesState st = twoCandidates(1.0, 0.7);
        Combination bank = new Combination(3, 150);
        bank.choose(st);
        assertEquals(20, bank.forecast(st, 0, 1), 0.01);
    }

    /** The naive candidate is the one the first-points rule names. */
    @Test
    void theNaiveCandidateIsTheLastValueAlone() {
        assertEquals(3, Smoothing.NAIVE);
        assertEquals(1.0, Smoothing.ALPHA[Smoothing.NAIVE]);
        assertEquals(0.0, Smoothing.BETA[Smoothing.NAIVE]);
        assertEquals(-1, Smoothing.RING[Smoothing.NAIVE]);
    }

    /**
     * After two points every candidate has the same one error (each forecast the second point from the first), so
     * the forecast is the last value, not an average of levels that lag behind it.
     */
    @Test
    void aSeriesOfTwoPointsIsForecastByItsLastValue() {
        SeriesForecaster f = new SeriesForecaster(ForecastSettings.defaults());
        dev.streamcast.app.model.NaiveModel model = dev.streamcast.app.model.NaiveModel.INSTANCE;
        SeriesState st = f.newState(model);
        f.apply(st, new dev.streamcast.app.record.Observation("s", 0, 1.0, false), model, null);
        Forecast second = f.apply(st, new dev.streamcast.app.record.Observation("s", 2_678_400_000L, 2.0, false),
                model, null);
        assertEquals(2.0, second.mean()[0], 1e-9, "was 1.26: the three lowest alphas averaged");
        Forecast third = f.apply(st, new dev.streamcast.app.record.Observation("s", 5_097_600_000L, 3.0, false),
                model, null);
        assertTrue(third.mean()[0] > 3.0, "a rising series, once the candidates differ: " + third.mean()[0]);
    }

    /** A log series that reaches 0 restarts its bank on square roots: there too the last value, until told apart. */
    @Test
    void aBankRestartedOnAnotherScaleForecastsTheLastValue() {
        SeriesForecaster f = new SeriesForecaster(ForecastSettings.defaults());
        dev.streamcast.app.model.NaiveModel model = dev.streamcast.app.model.NaiveModel.INSTANCE;
        SeriesState st = f.newState(model);
        double[] values = {16, 9, 4, 1, 0.25, 0};
        Forecast last = null;
        for (int i = 0; i < values.length; i++) {
            last = f.apply(st, new dev.streamcast.app.record.Observation("s", i * 2_678_400_000L, values[i], false),
                    model, null);
        }
        assertEquals(SeriesState.SQRT, st.transform);
        assertEquals(0.0, last.mean()[0], 1e-9,
                "was 0.11: the mean of the lowest alphas' levels, 0.5 less 0.05, 0.15, 0.3, squared");
    }
}
