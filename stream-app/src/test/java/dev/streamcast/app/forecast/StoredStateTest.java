package dev.streamcast.app.forecast;

import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.app.model.NaiveModel;
import dev.streamcast.app.model.ServingModel;
import dev.streamcast.app.record.Observation;
import dev.streamcast.app.state.SeriesState;
import dev.streamcast.app.state.SeriesStateSerde;
import dev.streamcast.model.Layers;
import dev.streamcast.model.ModelDocument;
import dev.streamcast.model.Sequential;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
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
        assertEquals(largest, roundTrip(st).length, "a full state is the largest");
        SeriesState noBank = SeriesStateSerde.decode(SeriesStateSerde.encode(st));
        noBank.level = new double[0];
        noBank.trend = new double[0];
        noBank.rank = new double[0];
        int bankBytes = largest - SeriesStateSerde.encode(noBank).length;
        long nonZero = 0;
        for (int c = 0; c < 12; c++) {
            nonZero += (st.level[c] != 0 ? 1 : 0) + (st.trend[c] != 0 ? 1 : 0) + (st.rank[c] != 0 ? 1 : 0);
        }
        assertEquals(3 * 2 + 8 * nonZero, bankBytes,
                "only the 12 non-seasonal candidates are stored: a 2-byte bitmap and the non-zeros of each array");
    }

    /**
     * A count series is smoothed in logs while positive, on square roots from its first 0 (its forecasts never
     * negative), on the values once one is negative; the store keeps which.
     */
    @Test
    void aCountSeriesMovesFromLogsToSquareRootsThenToTheValues() {
        SeriesState st = forecaster.newState(NaiveModel.INSTANCE);
        Random random = new Random(11);
        int i = 0;
        for (; i < 50; i++) {
            apply(st, new Observation("c", i * MINUTE, 1 + random.nextInt(20), false));
        }
        roundTrip(st);
        assertEquals(SeriesState.LOG, st.transform);
        for (; i < 150; i++) {
            Forecast f = forecaster.apply(st, new Observation("c", i * MINUTE, i % 3 == 0 ? 0 : random.nextInt(4),
                    false), NaiveModel.INSTANCE, null);
            for (double m : f.mean()) {
                assertTrue(m >= 0, "a forecast of a count below 0: " + m);
            }
        }
        assertEquals(SeriesState.SQRT, st.transform);
        assertEquals(SeriesState.SQRT, SeriesStateSerde.decode(roundTrip(st)).transform);
        for (; i < 160; i++) {
            apply(st, new Observation("c", i * MINUTE, -1 - random.nextInt(4), false));
        }
        assertEquals(SeriesState.RAW, SeriesStateSerde.decode(roundTrip(st)).transform);
    }

    /** Under a network the hidden state is kept at float precision, so it too comes back exactly. */
    @Test
    void statesUnderANetworkComeBackEqualAfterEveryEvent() {
        ServingModel model = ModelDocuments.parse(network().toJson());
        Random random = new Random(5);
        SeriesState st = forecaster.newState(model);
        double y = 10;
        for (int i = 0; i < 200; i++) {
            y += random.nextGaussian();
            forecaster.apply(st, new Observation("s", i * MINUTE, y, false), model, (series, ts, window, t) -> { });
            roundTrip(st);
        }
        assertEquals(model.stateSize(), st.hidden.length);
        assertTrue(java.util.Arrays.stream(st.hidden).anyMatch(h -> h != 0), "the network has run");
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

    /** An untrained SimpleRNN of 8 units as the serving model (version 1). */
    /**
     * The stored sizes of typical series, printed for the README (`mvn -pl stream-app test -Dtest=StoredStateTest`)
     * and bounded here: a series without a season under a 16-unit model, young and after 600 minutes; a monthly
     * series after 10 years; a half-hourly one (day and week seasons), young and after 4 weeks.
     */
    @Test
    void typicalStatesStaySmall() {
        ServingModel model = ModelDocuments.parse(network(16).toJson());
        Random random = new Random(3);
        SeriesState minute = forecaster.newState(model);
        int minuteYoung = 0;
        double y = 100;
        for (int i = 0; i < 600; i++) {
            y += random.nextGaussian();
            forecaster.apply(minute, new Observation("m", i * MINUTE, y, false), model, (series, ts, w, t) -> { });
            if (i == 15) {
                minuteYoung = roundTrip(minute).length;
            }
        }
        SeriesState monthly = forecaster.newState(NaiveModel.INSTANCE);
        for (int i = 0; i < 120; i++) {
            apply(monthly, new Observation("mo", i * MONTH, 200 + 2 * i + 30 * Math.sin(2 * Math.PI * i / 12)
                    + random.nextGaussian() * 3, false));
        }
        SeriesState halfHourly = forecaster.newState(NaiveModel.INSTANCE);
        int halfHourlyYoung = 0;
        for (int i = 0; i < 48 * 7 * 4; i++) {
            apply(halfHourly, new Observation("hh", i * 30 * MINUTE, 500 + 100 * Math.sin(2 * Math.PI * i / 48)
                    + 40 * Math.sin(2 * Math.PI * i / 336) + random.nextGaussian() * 10, false));
            if (i == 15) {
                halfHourlyYoung = roundTrip(halfHourly).length;
            }
        }
        int minuteFull = roundTrip(minute).length;
        int monthlyFull = roundTrip(monthly).length;
        int halfHourlyFull = roundTrip(halfHourly).length;
        System.out.printf("stored state sizes (bytes, format %d): no season, 16 units: %d after 16 events, %d after "
                        + "600; monthly after 120: %d; half-hourly: %d after 16 events, %d after 4 weeks%n",
                SeriesStateSerde.FORMAT, minuteYoung, minuteFull, monthlyFull, halfHourlyYoung, halfHourlyFull);
        assertEquals(336, halfHourly.period);
        assertTrue(minuteYoung < 700 && minuteFull < 950, minuteYoung + " / " + minuteFull);
        assertTrue(monthlyFull < 2200, "monthly " + monthlyFull);
        // The double season's change autoregression (ChangeAr) keeps a week of changes: 809 / 8,659 B without it.
        assertTrue(halfHourlyYoung < 1100 && halfHourlyFull < 12_500, halfHourlyYoung + " / " + halfHourlyFull);
    }

    private static ModelDocument network() {
        return network(8);
    }

    private static ModelDocument network(int units) {
        Sequential net = Sequential.builder(1).add(Layers.simpleRnn(units)).add(Layers.dense(1)).seed(3).build();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(ModelDocuments.NAME, "forecaster");
        meta.put(ModelDocuments.VERSION, 1);
        meta.put(ModelDocuments.PARENT, 0);
        meta.put(ModelDocuments.WINDOW, ForecastSettings.defaults().window());
        meta.put(ModelDocuments.NORMALISATION, Map.of("method", Normalisation.METHOD));
        return ModelDocument.of(net, meta);
    }

    private void apply(SeriesState st, Observation o) {
        forecaster.apply(st, o, NaiveModel.INSTANCE, (series, ts, window, target) -> { });
    }

    private static byte[] roundTrip(SeriesState st) {
        byte[] bytes = SeriesStateSerde.encode(st);
        assertEquals(st, SeriesStateSerde.decode(bytes));
        return bytes;
    }
}
