package dev.streamcast.app.forecast;

import dev.streamcast.app.state.SeriesState;

/**
 * Per-series online exponential smoothing: a fixed bank of candidates (level, optional damped trend, optional
 * additive season) in Hyndman's error-correction form, run side by side on every point. Each candidate keeps its
 * recent mean absolute one-step error; the smoothing forecast weighs the best ones ({@link Combination}), so every
 * series gets the constants that currently fit it without any fitting step. Two seasonal rings (a slow and a quick
 * one) are each shared by a quarter of the candidates. Series with an inner cycle (sub-daily points: a day inside
 * the week) give the last quarter a double season, as in Taylor's double-seasonal Holt-Winters: a day-long ring,
 * which learns at every day's phase, plus a week-long ring of what the day leaves; otherwise those candidates are
 * unused, as are all seasonal ones for a series without a season. All rings start from the first two seasons
 * (mean per phase minus a straight line; the double season split into its mean day and the rest) and are then
 * corrected by {@code gamma (1 - alpha)} times the error of one reference candidate per season (the classic
 * Holt-Winters update of a moderate alpha 0.3: quicker candidates would leave the season no error to learn from).
 *
 * <p>A series with a single season also gets four airline candidates, ARIMA(0,1,1)(0,1,1) (Box and Jenkins' airline
 * model) with fixed moving-average constants theta in {0.3, 0.6} and seasonal Theta in {0.4, 0.8}: the value a season
 * ago plus the change since, corrected by their own recent errors. They need no initial season (a ring of the last
 * season's values and one of each one's errors), so they fit short seasonal series with a growing or drifting
 * season, where the rings' first two-season estimate and slow learning lag. They rank among the others once scored
 * for a season.
 *
 * <p>Per point: O(candidates + period) at most (an airline forecast k steps ahead: O(min(k, period))), no
 * allocation.
 */
public final class Smoothing {

    private static final double[] ALPHAS = {0.1, 0.3, 0.6, 1.0};
    /** (beta / alpha, phi): no trend, a slow linear trend, a quick damped trend. */
    private static final double[][] TRENDS = {{0, 0}, {0.1, 1.0}, {0.4, 0.9}};

    static final double[] ALPHA;
    static final double[] BETA;
    static final double[] PHI;
    /** The seasonal ring a candidate adds (-1 = none). */
    static final int[] RING;
    /** A candidate's smoothing constants: alpha, beta and phi for a trend, one gamma per season. */
    static final int[] PARAMS;
    /**
     * Number of seasonal rings; ring r learns with gamma {@link #ringGamma}. Ring {@link #DOUBLE} holds what the
     * season adds to the inner cycle's ring (a week's residual on top of a day).
     */
    public static final int RINGS = 3;
    /** The ring of the double-seasonal candidates, used only when the series has an inner cycle. */
    static final int DOUBLE = 2;
    /** Candidates below this index are the exponential smoothing ones; the rest are the airline ones. */
    static final int SMOOTHING;
    /** (theta, seasonal theta) of the airline candidates. */
    private static final double[][] AIRLINES = {{0.3, 0.4}, {0.3, 0.8}, {0.6, 0.4}, {0.6, 0.8}};
    /** Airline candidates: ARIMA(0,1,1)(0,1,1) with fixed moving-average constants, for a single season. */
    static final int AIRLINE_COUNT = AIRLINES.length;
    static final double[] THETA;
    static final double[] SEASONAL_THETA;
    public static final int CANDIDATES;
    /** The naive candidate: alpha 1, no trend, no season (the last value). */
    static final int NAIVE;
    /** Per ring, the candidate whose errors update it: alpha 0.3 with the slow damped trend. */
    static final int[] REFERENCE = new int[RINGS];

    static {
        SMOOTHING = ALPHAS.length * TRENDS.length * (RINGS + 1);
        int n = SMOOTHING + AIRLINE_COUNT;
        THETA = new double[n];
        SEASONAL_THETA = new double[n];
        ALPHA = new double[n];
        BETA = new double[n];
        PHI = new double[n];
        RING = new int[n];
        PARAMS = new int[n];
        int c = 0;
        int naive = -1;
        for (int s = 0; s <= RINGS; s++) {
            for (double[] t : TRENDS) {
                for (double a : ALPHAS) {
                    ALPHA[c] = a;
                    BETA[c] = a * t[0];
                    PHI[c] = t[1];
                    RING[c] = s - 1;
                    PARAMS[c] = 1 + (t[0] > 0 ? 2 : 0) + (s == 0 ? 0 : s - 1 == DOUBLE ? 2 : 1);
                    if (s == 0 && t[0] == 0 && a == 1.0) {
                        naive = c;
                    }
                    c++;
                }
            }
        }
        for (double[] a : AIRLINES) {
            THETA[c] = a[0];
            SEASONAL_THETA[c] = a[1];
            RING[c] = -1;
            PARAMS[c] = 2;
            c++;
        }
        CANDIDATES = n;
        NAIVE = naive;
        for (int r = 0; r < RINGS; r++) {
            REFERENCE[r] = (r + 1) * ALPHAS.length * TRENDS.length + ALPHAS.length + 1;
        }
    }

    private static final long MINUTE = Spacing.MINUTE;
    private static final long DAY = Spacing.DAY;

    private Smoothing() {
    }

    /**
     * The season length for a series whose points are {@code stepMs} apart: the calendar cycle that spacing implies
     * (a year of months or quarters, a week of days, a week of sub-daily points when that fits in
     * {@link ForecastSettings#MAX_PERIOD}, else a day), or 0 when there is none. A configured period wins.
     */
    public static int period(long stepMs, int configured) {
        if (configured != ForecastSettings.AUTO_PERIOD) {
            return configured;
        }
        if (stepMs <= 0) {
            return 0;
        }
        if (Spacing.monthly(stepMs)) {
            return 12;
        }
        if (Spacing.quarterly(stepMs)) {
            return 4;
        }
        if (stepMs == DAY) {
            return 7;
        }
        if (stepMs < DAY && DAY % stepMs == 0 && stepMs >= MINUTE) {
            long perDay = DAY / stepMs;
            if (perDay * 7 <= ForecastSettings.MAX_PERIOD) {
                return (int) (perDay * 7);
            }
            return perDay <= ForecastSettings.MAX_PERIOD ? (int) perDay : 0;
        }
        return 0;
    }

    /**
     * The inner cycle of a season of {@code period} points {@code stepMs} apart: a day when the season is a week of
     * sub-daily points, else 0 (no double season).
     */
    public static int cycle(long stepMs, int period) {
        if (stepMs <= 0 || stepMs >= DAY || DAY % stepMs != 0 || stepMs < MINUTE) {
            return 0;
        }
        long perDay = DAY / stepMs;
        return period == perDay * 7 ? (int) perDay : 0;
    }

    /**
     * The value the bank works on: log(y) for a series that has been positive throughout, sqrt(y) for one that then
     * reached 0 but never went below (counts, such as sunspots: sqrt steadies their variance as log does a positive
     * series'), else y.
     */
    public static double internal(SeriesState st, double y) {
        return switch (st.transform) {
            case SeriesState.LOG -> Math.log(y);
            case SeriesState.SQRT -> Math.sqrt(Math.max(y, 0));
            default -> y;
        };
    }

    /** Back from the bank's scale to the series'. */
    public static double value(SeriesState st, double z) {
        return switch (st.transform) {
            case SeriesState.LOG -> Math.exp(z);
            case SeriesState.SQRT -> z > 0 ? z * z : 0;
            default -> z;
        };
    }

    /** Starts the bank at the series' first value (already {@link #internal}). */
    public static void start(SeriesState st, double y) {
        st.initSmoothing(CANDIDATES, ErrorAr.size(0, 0));
        for (int c = 0; c < CANDIDATES; c++) {
            st.level[c] = y;
        }
    }

    /**
     * Ring 0 learns with half the configured gamma, ring 1 with twice it: slow and quick seasons side by side. The
     * double season (its residual ring and its inner cycle's ring alike) learns with gamma itself.
     */
    static double ringGamma(double gamma, int ring) {
        return ring == 0 ? gamma / 2 : ring == 1 ? gamma * 2 : gamma;
    }

    /**
     * Sizes the seasonal rings and adds the value {@code first} of point index {@code start}: at the second point, once
     * the spacing is known, for the first one; again, in the same phase, when the bank restarts on another scale.
     */
    public static void startSeason(SeriesState st, int period, int cycle, double first, long start) {
        st.initSeason(period, cycle, RINGS);
        st.seasonStart = start;
        st.errorModel = new double[ErrorAr.size(period, cycle)];
        for (int c = 0; c < CANDIDATES; c++) {
            if (unused(st, c)) {
                st.level[c] = 0; // never read again; all zero, they take no room in the stored state
            }
        }
        if (period > 0) {
            st.season[(int) (start % period)] = (float) first;
            st.firstCycleSum = first;
        }
        if (period > 0 && cycle == 0) {
            st.airline = new double[(AIRLINE_COUNT + 1) * (period + 1)];
            st.airline[(int) (start % (period + 1))] = first;
        }
    }

    /** Whether the rings hold a season: two full cycles have been seen since it started. */
    static boolean seasonReady(SeriesState st) {
        return st.period > 0 && st.count - st.seasonStart >= 2L * st.period;
    }

    /** Candidate {@code c}'s forecast {@code k >= 1} steps after the last point, for point index {@code t}. */
    static double candidate(SeriesState st, int c, long t, int k) {
        if (c >= SMOOTHING) {
            return airline(st, c, t - k, k);
        }
        double damp = 0;
        double phiPow = 1;
        for (int j = 0; j < k; j++) {
            phiPow *= PHI[c];
            damp += phiPow;
        }
        return st.level[c] + damp * st.trend[c] + seasonal(st, c, t);
    }

    /** What candidate {@code c}'s season adds at point index {@code t}. */
    private static double seasonal(SeriesState st, int c, long t) {
        int r = RING[c];
        if (r < 0 || !seasonReady(st)) {
            return 0;
        }
        double s = st.season[r * st.period + (int) (t % st.period)];
        return r == DOUBLE ? s + st.season[RINGS * st.period + (int) (t % st.cycle)] : s;
    }

    /**
     * The seasonal candidates exist only for series with a season (without one they would repeat the others and
     * crowd them out of the best few), the double-seasonal ones only with an inner cycle, the airline ones only for
     * a single season, and those once they have been scored for a season.
     */
    static boolean unused(SeriesState st, int c) {
        if (c >= SMOOTHING) {
            return st.airline.length == 0 || st.count - st.seasonStart <= 2L * st.period + 1;
        }
        return RING[c] >= 0 && st.period == 0 || RING[c] == DOUBLE && st.cycle == 0;
    }

    /**
     * Airline candidate {@code c}'s forecast {@code k >= 1} steps after point index {@code last}: with z the values
     * and e its one-step errors, the model z(s) = z(s-1) + z(s-m) - z(s-m-1) + e(s) - theta e(s-1) - Theta e(s-m)
     * + theta Theta e(s-m-1), run ahead with future errors 0. Its steps repeat every season (plus theta Theta e(last)
     * at the start of each later one), so this is O(min(k, m)).
     */
    private static double airline(SeriesState st, int c, long last, int k) {
        int m = st.period;
        int ringLength = m + 1;
        int errors = (c - SMOOTHING + 1) * ringLength;
        double theta = THETA[c];
        double seasonal = SEASONAL_THETA[c];
        double[] a = st.airline;
        double eLast = a[errors + (int) (last % ringLength)];
        double partial = 0;
        double full = 0;
        int r = k % m;
        for (int j = 1; j <= m && j <= k; j++) {
            long s = last + j - m;   // s - 1 >= 0 once the candidate is in use
            int at = (int) (s % ringLength);
            int before = (int) ((s - 1) % ringLength);
            full += a[at] - a[before] - seasonal * a[errors + at] + theta * seasonal * a[errors + before];
            if (j == r) {
                partial = full;
            }
        }
        // Every season ahead starts with -theta e(last), every one after the first also with +theta Theta e(last).
        long seasons = (k + m - 1L) / m;
        return a[(int) (last % ringLength)] + (k / m) * full + partial - seasons * theta * eLast
                + (seasons - 1) * theta * seasonal * eLast;
    }

    /** The weight of a new error in a recent mean error: a plain mean at first, then over about {@code memory}. */
    static double rankWeight(int memory, int errorsSeen) {
        return Math.max(1.0 / (errorsSeen + 1), 1.0 / memory);
    }

    /**
     * Updates every candidate with the value {@code y} at point index {@code t}. An imputed point moves each
     * candidate along its own forecast and leaves errors and season alone.
     */
    static void update(SeriesState st, long t, double y, boolean imputed, double gamma, int memory, int errorsSeen) {
        boolean ready = seasonReady(st);
        int phase = st.period == 0 ? 0 : (int) (t % st.period);
        // Since the bank (re)started: after a restart on another scale every rank starts again from 0, and a weight of
        // 1/memory would keep them far below the seasonal and airline ones' plain means for a memory's length.
        double weight = rankWeight(memory, (int) Math.max(0, Math.min(errorsSeen, t - st.seasonStart - 1)));
        // A seasonal candidate is ranked from its first point with a season: the errors before, when it had none,
        // say nothing of it (they ranked short seasonal series' airline candidates, scored from then on, far ahead).
        double seasonWeight = ready
                ? rankWeight(memory, (int) Math.min(t - st.seasonStart - 2L * st.period, Integer.MAX_VALUE)) : 0;
        if (st.airline.length > 0) {
            updateAirline(st, t, y, imputed, memory);
        }
        double slowError = 0;
        double quickError = 0;
        double doubleError = 0;
        for (int c = 0; c < SMOOTHING; c++) {
            if (unused(st, c)) {
                continue;
            }
            double f = st.level[c] + PHI[c] * st.trend[c] + seasonal(st, c, t);
            double e = imputed ? 0 : y - f;
            if (c == REFERENCE[0]) {
                slowError = e;
            } else if (c == REFERENCE[1]) {
                quickError = e;
            } else if (c == REFERENCE[DOUBLE]) {
                doubleError = e;
            }
            st.level[c] += PHI[c] * st.trend[c] + ALPHA[c] * e;
            st.trend[c] = PHI[c] * st.trend[c] + BETA[c] * e;
            if (!imputed) {
                double w = RING[c] >= 0 && ready ? seasonWeight : weight;
                st.rank[c] += w * (Math.abs(e) - st.rank[c]);
            }
        }
        if (st.period == 0) {
            return;
        }
        if (ready) {
            // Classic Holt-Winters: s = s + gamma (y - new level - ...) = s + gamma (1 - alpha) e.
            for (int r = 0; r < RINGS; r++) {
                double learn = (1 - ALPHA[REFERENCE[r]]) * (r == 0 ? slowError : r == 1 ? quickError : doubleError);
                st.season[r * st.period + phase] += (float) (ringGamma(gamma, r) * learn);
                if (r == DOUBLE && st.cycle > 0) {
                    st.season[RINGS * st.period + (int) (t % st.cycle)] += (float) (ringGamma(gamma, r) * learn);
                }
            }
        } else if (initialiseSeason(st, t, phase, y)) {
            // Every seasonal candidate's season is now ring 0's value at this phase (the double one's in two parts).
            for (int c = 0; c < SMOOTHING; c++) {
                if (RING[c] >= 0 && !unused(st, c)) {
                    st.level[c] -= st.season[phase];
                }
            }
        }
    }

    /**
     * The airline candidates learn {@code y} at point index {@code t}: once a season and a point are known, each
     * scores its forecast (errors before that are 0, as are those of imputed points) and ranks by it, over its own
     * count of errors at first.
     */
    private static void updateAirline(SeriesState st, long t, double y, boolean imputed, int memory) {
        int m = st.period;
        int ringLength = m + 1;
        int at = (int) (t % ringLength);
        long age = t - st.seasonStart;
        boolean scored = age > m;
        double weight = rankWeight(memory, (int) Math.min(age - m - 1, Integer.MAX_VALUE));
        for (int c = SMOOTHING; c < CANDIDATES; c++) {
            double e = 0;
            if (scored && !imputed) {
                e = y - airline(st, c, t - 1, 1);
                st.rank[c] += weight * (Math.abs(e) - st.rank[c]);
            }
            st.airline[(c - SMOOTHING + 1) * ringLength + at] = e;
        }
        st.airline[at] = y;
    }

    /**
     * Cycles 1 and 2 (from the season's start) add their values per phase; at the end of cycle 2 the ring becomes the
     * initial season.
     */
    private static boolean initialiseSeason(SeriesState st, long t, int phase, double y) {
        int m = st.period;
        long age = t - st.seasonStart;
        st.season[phase] += (float) y;
        if (age < m) {
            st.firstCycleSum += y;
        }
        if (age != 2L * m - 1) {
            return false;
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            total += st.season[i];
        }
        double mean1 = st.firstCycleSum / m;
        double mean2 = (total - st.firstCycleSum) / m;
        double slope = (mean2 - mean1) / m;
        double mean = (mean1 + mean2) / 2;
        int first = (int) (st.seasonStart % m); // the phase the season started at: position 0 of its cycles
        for (int i = 0; i < m; i++) {
            st.season[i] = (float) (st.season[i] / 2 - mean - slope * (Math.floorMod(i - first, m) - (m - 1) / 2.0));
            for (int r = 1; r < RINGS; r++) {
                st.season[r * m + i] = st.season[i];
            }
        }
        if (st.cycle > 0) {
            splitCycle(st);
        }
        return true;
    }

    /** Splits the initial season into its mean over cycles (the inner ring) and what is left (ring DOUBLE). */
    private static void splitCycle(SeriesState st) {
        int m = st.period;
        int d = st.cycle;
        int inner = RINGS * m;
        for (int i = 0; i < m; i++) {
            st.season[inner + i % d] += st.season[i] / (m / d);
        }
        for (int i = 0; i < m; i++) {
            st.season[DOUBLE * m + i] = st.season[i] - st.season[inner + i % d];
        }
    }
}
