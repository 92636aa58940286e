package dev.streamcast.app.backtest;

import dev.streamcast.app.config.AppConfig;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the figures of the README's "Forecast accuracy" table on two small real series and the double-seasonal one:
 * the backtest (default settings, the contract's protocol) must stay within a small margin of the committed MAE and
 * interval coverage.
 * Update the figures here and in the README together, from {@code scripts/accuracy.sh}.
 */
class AccuracyRegressionTest {

    /**
     * Committed one-step MAE per file, from scripts/accuracy.sh: the best each has reached (since the airline
     * candidates and Schwarz weights; 13.61 and 0.2547 before; taylor since the change autoregression, 116.0 before).
     */
    private static final Map<String, Double> COMMITTED_MAE = Map.of("AirPassengers.csv", 12.14, "co2.csv", 0.2470,
            "taylor.csv", 107.5);
    /** The MAE may drift this much above the committed figure before the test fails. */
    private static final double MARGIN = 1.03;

    @Test
    void smallRealSeriesKeepTheirAccuracy() throws Exception {
        List<AccuracyTable.Row> rows = AccuracyTable.run(List.of(data("AirPassengers.csv"), data("co2.csv"),
                data("taylor.csv")), data("anchors.csv"), 0.2, AppConfig.defaults());
        assertEquals(3, rows.size());
        for (AccuracyTable.Row r : rows) {
            double committed = COMMITTED_MAE.get(r.file());
            assertTrue(r.score().mae() <= committed * MARGIN, r.file() + ": MAE " + r.score().mae()
                    + " is worse than the committed " + committed);
            assertTrue(r.score().mae() < r.anchors().get("naive"), r.file() + " must beat the naive forecast");
            assertTrue(r.score().mae() < r.anchors().get("snaive"),
                    r.file() + " must beat the seasonal naive forecast");
            assertTrue(r.score().coverage() >= 0.75 && r.score().coverage() <= 1.0,
                    r.file() + ": coverage " + r.score().coverage());
            assertTrue(r.halfWidth() < r.naiveHalfWidth(), r.file() + ": interval wider than the naive method's");
            for (int k = 0; k < r.steps().steps(); k++) {
                assertTrue(r.steps().mae()[k] < r.steps().seasonalNaiveMae()[k],
                        r.file() + ": step " + (k + 1) + " no better than the seasonal naive forecast");
            }
        }
    }

    private static Path data(String name) throws URISyntaxException {
        return Path.of(AccuracyRegressionTest.class.getResource("/data/" + name).toURI());
    }
}
