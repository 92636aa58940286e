package dev.streamcast.app.forecast;

import dev.streamcast.app.state.SeriesState;

/**
 * How the bank's candidates make one forecast: the {@code top} of lowest recent error, weighed by Schwarz (BIC)
 * weights. A candidate's recent mean absolute error r over n errors is its Laplace maximum likelihood, so
 * exp(-BIC / 2) = r^-n · n^(-k/2) with k its smoothing constants ({@link Smoothing#PARAMS}); n is taken as at least
 * e, so a constant costs at least e^-1/2. The n errors count as a quarter of the points they cover (the candidates'
 * memory, or fewer at first): one-step errors run in streaks, so as independent ones they overstate how sure a
 * ranking is, and a candidate 2% better over 150 points took 95% of the weight. Over 43 series, geometric mean
 * MAE/ARIMA 1.0090 counting every point, 1.0079 half, 1.0061 a quarter, 1.0061 an eighth (LakeHuron then 5.9% worse
 * than naive). (Akaike weights, e^-k, penalise a constant half as much at n = 50, the memory then, and measured
 * worse: geometric mean MAE/ARIMA 0.9964 against 0.9940.) Candidates that fit about equally are averaged, a clearly better one takes over, and
 * among near-equals the simpler wins: on a random walk the naive candidate is not diluted by trends and seasons
 * that fit the recent noise.
 *
 * <p>Holds scratch buffers: one instance per forecaster.
 */
final class Combination {

    /** How many points of a candidate's recent errors count as one independent error. */
    static final double EFFECTIVE_SHARE = 4;

    private final int top;
    private final int memory;
    private final int[] best;
    private final double[] weight;
    /** How many of {@code best} are filled: fewer than {@code top} when the series uses fewer candidates. */
    private int chosen;

    Combination(int top, int memory) {
        this.top = top;
        this.memory = memory;
        this.best = new int[top];
        this.weight = new double[top];
    }

    /** Picks the candidates and their weights from the state's current recent errors. */
    void choose(SeriesState st) {
        if (indistinct(st)) {
            // Nothing tells the candidates apart yet (a series' first two points, or the two after the bank restarts
            // on another scale): an average of the first ones' levels would lag behind the last value (1, 2 forecast
            // 1.26 next), so the last value it is.
            best[0] = Smoothing.NAIVE;
            weight[0] = 1;
            chosen = 1;
            return;
        }
        chosen = select(st);
        // The errors the ranks cover: since the bank (re)started, at most the memory.
        double n = Math.max(0, Math.min(Math.min(st.diffCount, st.count - st.seasonStart - 1), memory))
                / EFFECTIVE_SHARE;
        double penalty = Math.log(Math.max(n, Math.E)) / 2;
        double min = st.rank[best[0]];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < chosen; i++) {
            int c = best[i];
            double r = st.rank[c];
            // log(weight) up to a constant; a candidate with no error yet ties only with others without one.
            double logWeight = r == min ? 0 : min > 0 ? n * Math.log(min / r) : Double.NEGATIVE_INFINITY;
            weight[i] = logWeight - penalty * Smoothing.PARAMS[c];
            max = Math.max(max, weight[i]);
        }
        double sum = 0;
        for (int i = 0; i < chosen; i++) {
            weight[i] = Math.exp(weight[i] - max);
            sum += weight[i];
        }
        for (int i = 0; i < chosen; i++) {
            weight[i] /= sum;
        }
    }

    /** Whether every candidate in use has the naive candidate's recent error: none has been told apart from it. */
    private static boolean indistinct(SeriesState st) {
        double naive = st.rank[Smoothing.NAIVE];
        for (int c = 0; c < Smoothing.CANDIDATES; c++) {
            if (st.rank[c] != naive && !Smoothing.unused(st, c)) {
                return false;
            }
        }
        return true;
    }

    /** The forecast for point index {@code t}, {@code k} steps after the last point (after {@link #choose}). */
    double forecast(SeriesState st, long t, int k) {
        double sum = 0;
        for (int i = 0; i < chosen; i++) {
            sum += weight[i] * Smoothing.candidate(st, best[i], t, k);
        }
        return sum;
    }

    /** Fills {@code best} with the candidates of lowest recent error, ties to the lower index; returns how many. */
    private int select(SeriesState st) {
        int filled = 0;
        for (int c = 0; c < Smoothing.CANDIDATES; c++) {
            if (Smoothing.unused(st, c)) {
                continue;
            }
            double r = st.rank[c];
            if (filled == top && !(r < st.rank[best[top - 1]])) {
                continue;
            }
            int j = filled < top ? filled++ : top - 1;
            while (j > 0 && st.rank[best[j - 1]] > r) {
                best[j] = best[j - 1];
                j--;
            }
            best[j] = c;
        }
        return filled;
    }
}
