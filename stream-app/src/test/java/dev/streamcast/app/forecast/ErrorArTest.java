package dev.streamcast.app.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorArTest {

    /** Errors that follow e(t) = 0.8 e(t-1) exactly: the fitted correction predicts them and is used. */
    @Test
    void learnsAnAutocorrelatedErrorAndUsesIt() {
        double[] m = new double[ErrorAr.size(0, 0)];
        double[] scratch = new double[ErrorAr.scratch(1)];
        double e = 1;
        for (int t = 0; t < 200; t++) {
            e = t % 50 == 0 ? 1 : 0.8 * e;
            ErrorAr.update(m, 0, 0, t, e, false, 0.02, scratch);
        }
        assertTrue(ErrorAr.active(m));
        assertEquals(0.8 * e, ErrorAr.next(m, 0, 0, 200, scratch), 1e-3 * e);
    }

    /** With a double season, errors that repeat every season (a week the rings have not learned) are predicted. */
    @Test
    void aDoubleSeasonalSeriesLearnsTheErrorsOfAWeekAgo() {
        int period = 14;
        int cycle = 2;
        double[] week = new double[period];
        for (int i = 0; i < period; i++) {
            week[i] = Math.sin(1.7 * i * i);
        }
        double[] m = new double[ErrorAr.size(period, cycle)];
        double[] scratch = new double[ErrorAr.scratch(3)];
        int n = 60 * period;
        for (int t = 0; t < n; t++) {
            ErrorAr.update(m, period, cycle, t, week[t % period], false, 0.02, scratch);
        }
        assertTrue(ErrorAr.active(m));
        double[] ahead = new double[3];
        ErrorAr.forecast(m, period, cycle, n, ahead, scratch);
        assertEquals(week[n % period], ErrorAr.next(m, period, cycle, n, scratch), 0.05);
        for (int k = 0; k < 3; k++) {
            assertEquals(week[(n + k) % period], ahead[k], 0.05, "step " + (k + 1));
        }
    }

    /** Errors that grow: an explosive fit still predicts no error larger than the last ones, at any horizon. */
    @Test
    void longHorizonsStayBoundedByTheLastErrors() {
        double[] m = new double[ErrorAr.size(0, 0)];
        double[] scratch = new double[ErrorAr.scratch(1000)];
        double e = 1e-3;
        for (int t = 0; t < 60; t++) {
            e *= -1.1;
            ErrorAr.update(m, 0, 0, t, e, false, 0.02, scratch);
        }
        double[] out = new double[1000];
        ErrorAr.forecast(m, 0, 0, 60, out, scratch);
        assertTrue(ErrorAr.active(m));
        for (double p : out) {
            assertTrue(Math.abs(p) <= Math.abs(e), "bounded: " + p);
        }
    }
}
