package dev.streamcast.app.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorArTest {

    /** Errors that follow e(t) = 0.8 e(t-1) exactly: the fitted correction predicts them and is used. */
    @Test
    void learnsAnAutocorrelatedErrorAndUsesIt() {
        double[] m = new double[ErrorAr.SIZE];
        double[] scratch = new double[ErrorAr.LAGS + 3];
        double e = 1;
        for (int t = 0; t < 200; t++) {
            e = t % 50 == 0 ? 1 : 0.8 * e;
            ErrorAr.update(m, e, false, 0.02, scratch);
        }
        assertTrue(ErrorAr.active(m));
        assertEquals(0.8 * e, ErrorAr.next(m), 1e-3 * e);
    }

    /** Errors that grow: an explosive fit still predicts no error larger than the last ones, at any horizon. */
    @Test
    void longHorizonsStayBoundedByTheLastErrors() {
        double[] m = new double[ErrorAr.SIZE];
        double[] scratch = new double[ErrorAr.LAGS + 1000];
        double e = 1e-3;
        for (int t = 0; t < 60; t++) {
            e *= -1.1;
            ErrorAr.update(m, e, false, 0.02, scratch);
        }
        double[] out = new double[1000];
        ErrorAr.forecast(m, out, scratch);
        assertTrue(ErrorAr.active(m));
        for (double p : out) {
            assertTrue(Math.abs(p) <= Math.abs(e), "bounded: " + p);
        }
    }
}
