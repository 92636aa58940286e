package dev.streamcast.app.backtest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoringTest {

    /**
     * The naive interval at a point is the last value plus or minus the 90% quantile of the recent changes: steps of
     * 1 are covered, a jump of 5 is not.
     */
    @Test
    void theNaiveIntervalCoversWhatItsRecentChangesSpan() {
        double[] values = new double[60];
        for (int i = 1; i < values.length; i++) {
            values[i] = values[i - 1] + (i % 2 == 0 ? 1 : -1);
        }
        values[55] = values[54] + 5;
        for (int i = 56; i < values.length; i++) {
            values[i] = values[i - 1] + 1;
        }
        Scoring.NaiveInterval calm = Scoring.naiveInterval(values, 50, 0.9, 40);
        assertEquals(1.0, calm.halfWidth(), 1e-12);
        assertEquals(9.0 / 10, calm.coverage(), 1e-12, "the jump at 55 is the one point of ten outside");
    }
}
