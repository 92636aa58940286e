package dev.streamcast.app.forecast;

import dev.streamcast.app.model.NaiveModel;
import dev.streamcast.app.record.Observation;
import dev.streamcast.app.state.SeriesState;
import dev.streamcast.app.state.SeriesStateSerde;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The states the forecaster really produces, through the store's binary form: every one comes back equal (so a
 * series recovered from the changelog forecasts exactly as one kept in memory), and a series without a season
 * stores only its 12 non-seasonal candidates.
 */
class StoredStateTest {

    private static final long MINUTE = 60_000L;
    private static final long MONTH = 30L * 24 * 60 * MINUTE;
    private final SeriesForecaster forecaster = new SeriesForecaster(ForecastSettings.defaults());

    @Test
    void minuteReadingsWithoutASeasonStoreOnlyTheNonSeasonalCandidates() {
        Random random = new Random(7);
        SeriesState st = forecaster.newState(NaiveModel.INSTANCE);
        double y = 100;
        int largest = 0;
        for (int i = 0; i < 600; i++) {
            y += random.nextGaussian();
            apply(st, new Observation("s", i * MINUTE, y, false));
            largest = Math.max(largest, roundTrip(st).length);
        }
        assertEquals(0, st.period, "a minute step has no season that fits");
        int wholeBank = 3 * 8 * Smoothing.CANDIDATES;
        int bankLeft = largest - (unfoldedSize(st) - wholeBank);
        assertEquals(3 * 8 * 12, bankLeft, "only the 12 non-seasonal candidates are stored");
    }

    @Test
    void monthlySeasonalStatesComeBackEqualBeforeAndAfterTheSeasonIsReady() {
        Random random = new Random(11);
        SeriesState st = forecaster.newState(NaiveModel.INSTANCE);
        int beforeReady = 0;
        for (int i = 0; i < 60; i++) {
            double y = 200 + 2 * i + 30 * Math.sin(2 * Math.PI * i / 12) + random.nextGaussian() * 3;
            Observation o = i == 40 ? new Observation("s", i * MONTH, Double.NaN, true)
                    : new Observation("s", i * MONTH, y, false);
            apply(st, o);
            int size = roundTrip(st).length;
            if (i == 10) {
                beforeReady = size; // the airline candidates score from point 13, the season is ready at 24
            }
            if (i == 59) {
                assertEquals(12, st.period);
                assertTrue(size > beforeReady + 3 * 8 * 12,
                        "once the season is ready the seasonal candidates differ and are stored: " + size + " vs "
                                + beforeReady);
            }
        }
    }

    private void apply(SeriesState st, Observation o) {
        forecaster.apply(st, o, NaiveModel.INSTANCE, (series, ts, window, target) -> { });
    }

    private static byte[] roundTrip(SeriesState st) {
        byte[] bytes = SeriesStateSerde.encode(st);
        assertEquals(st, SeriesStateSerde.decode(bytes));
        return bytes;
    }

    /** The encoded size with the whole bank stored (the two fold lengths, then the bank whole). */
    private static int unfoldedSize(SeriesState st) {
        return 1 + 4 + 8 + 8 + 8 + 8 + 4 + 8 + 4 + 4 + 8 * st.hidden.length + 12 + 8 * st.inputs.length
                + 12 + 4 * st.errors.length + 12 + 4 * st.season.length + 8 + 1 + 16 + 3 * 8 * st.level.length
                + 8 * st.errorModel.length + 4 + 8 * st.airline.length;
    }
}
