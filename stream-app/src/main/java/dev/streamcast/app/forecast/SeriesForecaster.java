package dev.streamcast.app.forecast;

import dev.streamcast.app.model.ModelDocuments;
import dev.streamcast.app.model.ServingModel;
import dev.streamcast.app.record.Observation;
import dev.streamcast.app.state.SeriesState;

import java.util.Arrays;


/**
 * The per-event forecasting step, free of Kafka so that the topology, the backtest and offline replays all run the
 * same arithmetic. Given a series' state and one accepted observation (after ordering checks), it updates the state
 * in place and returns the forecast for the horizon:
 * <ol>
 *   <li>the smoothing forecast for this point (the bank of {@link Smoothing}, its candidates weighed by
 *       {@link Combination}, plus the {@link ErrorAr} prediction of its error; for a season of sub-daily points
 *       blended with {@link ChangeAr}'s forecast) is compared with the value: its error over the series' scale,
 *       clipped, is the RNN's input {@code x};</li>
 *   <li>the bank, its error models and the scale learn from the value; one RNN step on {@code x} predicts the next
 *       input, and a rollout the ones after;</li>
 *   <li>forecast k = smoothing forecast k + gain · scale · RNN prediction k, where the gain (0..1) was chosen on
 *       hold-out when the model was trained (0 for the naive model, so then it is the smoothing forecast);</li>
 *   <li>the interval is split-conformal on recent absolute errors of the emitted one-step forecast.</li>
 * </ol>
 *
 * <p>Not thread-safe (scratch buffers): one instance per stream thread.
 */
public final class SeriesForecaster {

    /** Below this many recorded errors the interval comes from the scale and a normal quantile instead. */
    static final int MIN_ERRORS_FOR_CONFORMAL = 10;
    /** Largest one-step error kept, in scale units (far beyond any real series' errors). */
    static final double MAX_SCALED_ERROR = 1e6;

    private final ForecastSettings settings;
    private final double normalQuantile;
    private final double[] rollout;
    private final double[] window;
    private final float[] sortedErrors;
    private final Combination bank;
    private final double[] arAhead;
    private final double[] arScratch;
    private final double[] changeAhead;
    private final double[] changeScratch;
    private final int[] lags = new int[ChangeAr.MAX_REGRESSORS];
    /** The season and inner cycle whose lags {@link #lags} holds, and how many: found once, not at every event. */
    private int lagsPeriod = -1;
    private int lagsCycle = -1;
    private int lagCount;
    /** Set by {@link #blended} for {@link #learnChange} and {@link #emit}: 0 = no change model for this event. */
    private int changeLags;
    private double changeLast;
    private double changeOwn;
    private ServingModel gainOf;
    private double gain;
    private double scoredError = Double.NaN;
    private int filled;

    public SeriesForecaster(ForecastSettings settings) {
        this.settings = settings;
        this.normalQuantile = NormalQuantile.of(0.5 + settings.level() / 2);
        this.rollout = new double[settings.horizon() - 1];
        this.window = new double[settings.window()];
        this.sortedErrors = new float[settings.errorWindow()];
        this.bank = new Combination(settings.top(), settings.memory());
        this.arAhead = new double[settings.horizon()];
        this.arScratch = new double[ErrorAr.scratch(settings.horizon())];
        this.changeAhead = new double[settings.horizon()];
        this.changeScratch = new double[ChangeAr.scratch(settings.horizon())];
    }

    public ForecastSettings settings() {
        return settings;
    }

    public SeriesState newState(ServingModel model) {
        SeriesState s = new SeriesState(model.stateSize(), settings.window(), settings.errorWindow());
        s.modelVersion = model.version();
        return s;
    }

    /**
     * Applies {@code o} to {@code st}. The caller has checked that {@code o.ts()} is after {@code st.lastTs} and that
     * a gap does not open a series (there is nothing to impute from).
     */
    public Forecast apply(SeriesState st, Observation o, ServingModel model, TrainingSampleSink samples) {
        scoredError = Double.NaN;
        filled = 0;
        if (st.count == 0) {
            return first(st, o, model);
        }
        long gap = o.ts() - st.lastTs;
        if (st.count == 1) {
            st.step = Spacing.clean(gap);
            int period = Smoothing.period(st.step, settings.periodFor(o.series()));
            double first = Smoothing.internal(st, st.lastValue);
            Smoothing.startSeason(st, period, Smoothing.cycle(st.step, period), first, 0);
        } else if (st.period == 0 || settings.periodFor(o.series()) != ForecastSettings.AUTO_PERIOD) {
            st.step = gap; // no calendar season: the spacing need not be regular (business days with a period of 5)
        } else {
            if (Smoothing.period(st.step, ForecastSettings.AUTO_PERIOD) != st.period) {
                st.step = Spacing.clean(gap); // stored before the spacing was kept: its step was the last gap
            }
            // A series with a calendar season keeps the spacing of its first two points: points it skipped are filled
            // on its own forecast, as gaps are, so its season stays in phase.
            int skipped = Spacing.skipped(gap, st.step, st.period);
            for (int i = 0; i < skipped; i++) {
                long ts = st.lastTs + st.step;
                advance(st, new Observation(o.series(), ts, Double.NaN, true), model, null, 1);
                st.lastTs = Math.min(ts, o.ts() - 1); // a month's mean step may overshoot; the event stays after it
            }
            filled = skipped;
        }
        return advance(st, o, model, samples, settings.horizon());
    }

    /**
     * One point after the first: the steps of {@link #apply}'s list, forecasting {@code horizon} steps (1 for a
     * filled point, whose forecast only readies the next).
     */
    private Forecast advance(SeriesState st, Observation o, ServingModel model, TrainingSampleSink samples,
                             int horizon) {
        long t = st.count;
        boolean imputed = o.gap();
        byte transform = st.transform == SeriesState.LOG && !(o.value() > 0) ? SeriesState.SQRT : st.transform;
        transform = transform == SeriesState.SQRT && !(o.value() >= 0) ? SeriesState.RAW : transform;
        if (transform != st.transform && !imputed) {
            // No longer positive (or, after that, negative): the bank restarts on sqrt(value) (or the value itself),
            // its season learnt anew from the last value, in the same phase. Sunspots, at 0 now and then: 1.016x
            // ARIMA's MAE on the raw values, 1.007x on sqrt.
            st.transform = transform;
            double z = Smoothing.internal(st, st.lastValue);
            Smoothing.start(st, z);
            Smoothing.startSeason(st, st.period, st.cycle, z, t - 1);
        }
        bank.choose(st);
        double banked = bank.forecast(st, t, 1);
        double corrected = banked + ErrorAr.next(st.errorModel, st.period, st.cycle, t, arScratch);
        double smooth = Smoothing.value(st, blended(st, t, corrected));
        double y = imputed ? (Double.isFinite(st.pending) ? st.pending : smooth) : o.value();
        double e = y - smooth;
        double priorScale = st.diffCount > 0 ? st.scale() : Math.abs(e);
        double safeScale = Math.max(priorScale, Double.MIN_NORMAL);
        if (!imputed && Double.isFinite(st.pending) && st.diffCount > 0) {
            // Capped: a jump from a series that never moved (scale ~0) would otherwise be an infinite error and
            // leave the interval infinite for the whole error window.
            scoredError = Math.min(Math.abs(y - st.pending) / safeScale, MAX_SCALED_ERROR);
            st.pushError(scoredError);
        }
        double x = (float) Normalisation.clip(e / safeScale); // as the state keeps it, for steps and training alike
        double z = Smoothing.internal(st, y);
        Smoothing.update(st, t, z, imputed, settings.seasonGamma(), settings.memory(), st.diffCount);
        ErrorAr.update(st.errorModel, st.period, st.cycle, t, z - banked, imputed,
                Smoothing.rankWeight(settings.memory(), st.diffCount), arScratch);
        learnChange(st, t, z, corrected, imputed);
        if (!imputed) {
            double alpha = Math.max(1.0 / (st.diffCount + 1), Normalisation.MIN_ALPHA);
            st.ewms += alpha * (e * e - st.ewms);
            st.diffCount++;
        }
        if (!imputed && samples != null && settings.sampleEvery() > 0 && st.inputCount == settings.window()
                && (st.count < settings.densePoints() || st.count % settings.sampleEvery() == 0)
                && samples.reserve()) {
            st.inputsOldestFirst(window);
            samples.accept(o.series(), o.ts(), window, x);
        }
        ensureModel(st, model);
        double p1 = model.step(st.hidden, x);
        st.roundHidden();
        st.pushInput(x);
        if (gain(model) > 0 && horizon > 1) {
            model.rollout(st.hidden, p1, rollout); // only the correction reads it: five more steps of the network
        }

        st.count++;
        st.lastTs = o.ts();
        st.lastValue = y;
        return emit(st, o, model, y, p1, imputed, horizon);
    }

    private Forecast first(SeriesState st, Observation o, ServingModel model) {
        st.count = 1;
        st.lastTs = o.ts();
        st.lastValue = o.value();
        st.modelVersion = model.version();
        st.hidden = new double[model.stateSize()];
        st.transform = settings.logPositive() && o.value() > 0 ? SeriesState.LOG : SeriesState.RAW;
        Smoothing.start(st, Smoothing.internal(st, o.value()));
        int h = settings.horizon();
        long[] ts = new long[h];
        double[] mean = new double[h];
        for (int k = 0; k < h; k++) {
            ts[k] = o.ts() + (k + 1);
            mean[k] = o.value();
        }
        st.pending = o.value();
        return new Forecast(o.series(), o.ts(), o.value(), ts, mean, mean.clone(), mean.clone(),
                model.version(), false, false);
    }

    /**
     * The one-step forecast on the bank's scale, {@code corrected} blended with {@link ChangeAr}'s where the series
     * has one (a season of sub-daily points, and {@code forecast.change.ar}); readies {@link #learnChange}.
     */
    private double blended(SeriesState st, long t, double corrected) {
        changeLags = 0;
        changeOwn = Double.NaN;
        if (!ChangeAr.applies(st)) {
            return corrected;
        }
        int base = ErrorAr.size(st.period, st.cycle);
        if (!settings.changeAr()) {
            if (st.errorModel.length > base) {
                st.errorModel = Arrays.copyOf(st.errorModel, base); // turned off: stale if it is ever turned on
            }
            return corrected;
        }
        st.errorModel = ChangeAr.sized(st.errorModel, base, st.period);
        if (st.period != lagsPeriod || st.cycle != lagsCycle) {
            lagCount = ChangeAr.lags(st.period, st.cycle, lags);
            lagsPeriod = st.period;
            lagsCycle = st.cycle;
        }
        changeLags = lagCount;
        changeLast = Smoothing.internal(st, st.lastValue);
        if (!Double.isFinite(changeLast)) {
            return corrected; // an imputed value that a log series cannot take (the RNN's correction took it below 0)
        }
        changeOwn = changeLast + ChangeAr.next(st.errorModel, base, st.period, lags, changeLags, t, changeScratch);
        double w = ChangeAr.weight(st.errorModel, base, st.period);
        return w < 1 ? w * corrected + (1 - w) * changeOwn : corrected;
    }

    /** {@link ChangeAr} learns the value {@code z} (bank's scale) at point index {@code t}, after {@link #blended}. */
    private void learnChange(SeriesState st, long t, double z, double corrected, boolean imputed) {
        if (changeLags == 0) {
            return;
        }
        // A change from or to a value the bank's scale cannot hold is not learnt; its place keeps the prediction.
        boolean usable = Double.isFinite(changeOwn) && Double.isFinite(z);
        ChangeAr.update(st.errorModel, ErrorAr.size(st.period, st.cycle), st.period, lags, changeLags, t,
                usable ? z - changeLast : 0, z - corrected, z - changeOwn, imputed || !usable,
                Smoothing.rankWeight(settings.memory(), st.diffCount), changeScratch);
    }

    /** Re-warms the hidden state under a newly swapped-in model from the series' recent inputs. */
    private void ensureModel(SeriesState st, ServingModel model) {
        if (st.modelVersion == model.version() && st.hidden.length == model.stateSize()) {
            return;
        }
        st.hidden = new double[model.stateSize()];
        st.inputsOldestFirst(window);
        for (int i = 0; i < st.inputCount; i++) {
            model.step(st.hidden, window[i]);
            st.roundHidden();
        }
        st.modelVersion = model.version();
    }

    /**
     * The absolute error, in scale units, of the previous one-step forecast that the last {@link #apply} scored
     * against its value; NaN when it scored none (first points, gaps).
     */
    public double lastScoredError() {
        return scoredError;
    }

    /**
     * How many points the last {@link #apply} filled on the series' own forecast before its event, because the gap
     * since the previous one skipped them ({@link Spacing#skipped}).
     */
    public int lastFilled() {
        return filled;
    }

    /** The share of the RNN's prediction that is added to the smoothing forecast, from the model document. */
    private double gain(ServingModel model) {
        if (model != gainOf) {
            gain = ModelDocuments.correctionGain(model);
            gainOf = model;
        }
        return gain;
    }

    private Forecast emit(SeriesState st, Observation o, ServingModel model, double y, double p1, boolean imputed,
                          int h) {
        double scale = st.scale();
        double g = gain(model);
        double q = intervalQuantile(st);
        bank.choose(st);
        long t = st.count;
        ErrorAr.forecast(st.errorModel, st.period, st.cycle, t, arAhead, arScratch);
        int base = ErrorAr.size(st.period, st.cycle);
        double own = changeLags > 0 ? Smoothing.internal(st, y) : Double.NaN; // a log only where it is used
        double w = Double.isFinite(own) ? ChangeAr.weight(st.errorModel, base, st.period) : 1;
        if (w < 1) {
            ChangeAr.forecast(st.errorModel, base, st.period, lags, changeLags, t, changeAhead, changeScratch);
        }
        long[] ts = new long[h];
        double[] mean = new double[h];
        double[] lower = new double[h];
        double[] upper = new double[h];
        for (int k = 0; k < h; k++) {
            double p = k == 0 ? p1 : rollout[k - 1];
            double correction = g > 0 && Double.isFinite(p) ? g * scale * p : 0.0;
            ts[k] = o.ts() + (k + 1) * st.step;
            double main = bank.forecast(st, t + k, k + 1) + arAhead[k];
            if (w < 1) {
                own += changeAhead[k];
            }
            mean[k] = Smoothing.value(st, w < 1 ? w * main + (1 - w) * own : main) + correction;
            double half = q * scale * Math.sqrt(k + 1.0);
            lower[k] = mean[k] - half;
            upper[k] = mean[k] + half;
        }
        st.pending = mean[0];
        boolean warm = st.inputCount >= Math.min(model.warmup(), settings.window());
        return new Forecast(o.series(), o.ts(), y, ts, mean, lower, upper, model.version(), warm, imputed);
    }

    /** Split-conformal quantile of the recent absolute errors (in scale units), with the finite-sample correction. */
    private double intervalQuantile(SeriesState st) {
        int n = st.errorCount;
        if (n < MIN_ERRORS_FOR_CONFORMAL) {
            return normalQuantile;
        }
        int rank = (int) Math.ceil((n + 1) * settings.level()) - 1;
        float q = Select.kth(st.errors, n, Math.min(Math.max(rank, 0), n - 1), st.quantileHint, sortedErrors);
        st.quantileHint = q;
        return q;
    }
}
