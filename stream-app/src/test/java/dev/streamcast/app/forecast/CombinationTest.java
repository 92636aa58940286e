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
        return st;
    }

    @Test
    void amongNearEqualsTheSimplerCandidateWins() {
        SeriesState st = twoCandidates(1.0, 0.999);
        Combination bank = new Combination(3, 50);
        bank.choose(st);
        double f = bank.forecast(st, 0, 1);
        assertTrue(f < 12, "the naive candidate, two constants simpler, carries the forecast: " + f);
    }

    /** A top larger than the candidates a series uses (the double-seasonal ones are unused here) weighs those. */
    @Test
    void aTopBeyondTheUsedCandidatesWeighsOnlyThem() {
        SeriesState st = twoCandidates(1.0, 0.8);
        Combination bank = new Combination(Smoothing.CANDIDATES, 50);
        bank.choose(st);
        assertEquals(20, bank.forecast(st, 0, 1), 0.01);
    }

    @Test
    void aClearlyBetterCandidateTakesOver() {
        SeriesState st = twoCandidates(1.0, 0.8);
        Combination bank = new Combination(3, 50);
        bank.choose(st);
        assertEquals(20, bank.forecast(st, 0, 1), 0.01);
    }
}
