package dev.streamcast.app.state;

/**
 * Deterministic states with every part filled (hidden state, rings, a folded bank with zero trends, error model,
 * season or double season, airline rings): the same builders made the committed format-8 records that
 * {@link SeriesStateSerdeTest} reads back, so change them only together with those records.
 */
final class SampleStates {

    private SampleStates() {
    }

    /** A monthly-like series: a single season of 12 with airline rings; bank of 36 candidates, 24 used. */
    static SeriesState singleSeason() {
        SeriesState s = common(16, 24, 100, 150);
        s.initSeason(12, 0, 1);
        for (int i = 0; i < s.season.length; i++) {
            s.season[i] = (float) Math.sin(i * 0.5);
        }
        s.firstCycleSum = 1234.5;
        bank(s, 36, 24, 36);
        s.airline = new double[13 * 4];
        for (int i = 0; i < s.airline.length; i += 3) {
            s.airline[i] = Math.cos(i) * 7;
        }
        return s;
    }

    /** A half-hourly-like series: a week of 336 with a day of 48 inside; a long error-model ring. */
    static SeriesState doubleSeason() {
        SeriesState s = common(16, 24, 100, 2000);
        s.initSeason(336, 48, 1);
        for (int i = 0; i < s.season.length; i += 5) {
            s.season[i] = (float) (i * 0.01 - 1);
        }
        s.firstCycleSum = -3.25;
        s.transform = SeriesState.LOG;
        bank(s, 48, 48, 36 + 336);
        for (int i = 36; i < s.errorModel.length; i += 2) {
            s.errorModel[i] = Math.sin(i) * 0.1;
        }
        return s;
    }

    /** A young series without a season: a few points, no model yet. */
    static SeriesState young() {
        SeriesState s = common(0, 24, 100, 9);
        s.hidden = new double[16];
        bank(s, 60, 12, 36);
        return s;
    }

    private static SeriesState common(int hidden, int window, int errorWindow, int points) {
        SeriesState s = new SeriesState(hidden, window, errorWindow);
        s.count = points;
        s.lastTs = 1_700_000_000_000L + points * 60_000L;
        s.step = 60_000L;
        s.lastValue = 21.75;
        s.ewms = 0.0625;
        s.diffCount = points - 1;
        s.pending = points % 2 == 0 ? Double.NaN : 0.5;
        s.modelVersion = hidden == 0 ? 0 : 3;
        s.transform = SeriesState.RAW;
        for (int i = 0; i < hidden; i++) {
            s.hidden[i] = (float) Math.tanh(i - 7.5);
        }
        for (int i = 0; i < Math.min(points, 3 * window); i++) {
            s.pushInput(Math.sin(i * 0.3) * 2);
            s.pushError(Math.abs(Math.cos(i)) * 0.4);
        }
        return s;
    }

    /** Candidates 0..used-1 filled (every third without a trend), the rest zero; a 3-lag error model. */
    private static void bank(SeriesState s, int candidates, int used, int errorModel) {
        s.initSmoothing(candidates, errorModel);
        for (int c = 0; c < used; c++) {
            s.level[c] = 20 + c * 0.125;
            s.trend[c] = c % 3 == 0 ? 0.0 : c * -0.01;
            s.rank[c] = 0.3 + c * 0.001;
        }
        for (int i = 0; i < 3; i++) {
            s.errorModel[i] = 0.1 * (i + 1);
            for (int j = 0; j < 3; j++) {
                s.errorModel[5 + i * 5 + j] = i == j ? 2.0 : 0.25;
            }
        }
        s.errorModel[30] = -0.05;
        s.errorModel[31] = 0.02;
        s.errorModel[32] = 0.01;
        s.errorModel[33] = 120;
        s.errorModel[34] = 0.31;
        s.errorModel[35] = 0.29;
    }
}
