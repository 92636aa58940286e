package dev.streamcast.app.replay;

import dev.streamcast.app.forecast.Forecast;
import dev.streamcast.app.forecast.SeriesForecaster;
import dev.streamcast.app.model.ServingModel;
import dev.streamcast.app.record.ForecastJson;
import dev.streamcast.app.record.Observation;
import dev.streamcast.app.record.ObservationParser;
import dev.streamcast.app.record.RejectReason;
import dev.streamcast.app.record.Rejection;
import dev.streamcast.app.state.SeriesState;
import dev.streamcast.app.state.SeriesStateSerde;
import dev.streamcast.app.topology.TopologySettings;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Replays input records, in input order per key, through the forecaster's per-series code under one fixed model,
 * and says what the live application must have written for each: the exact bytes of the forecast, or the reason it
 * was refused. The rules are the forecast processor's: parse and validate, then refuse a point before or at the
 * series' last accepted timestamp, and a gap that would open a series.
 *
 * <p>State goes through {@link SeriesStateSerde} after every record, as it does through the state store, so a
 * replay also checks that the encoding loses nothing the arithmetic needs.
 */
public final class OfflineReplay {

    /** What one input record must produce. */
    public sealed interface Outcome permits Forecasted, Refused {
    }

    /** An accepted record: its series, event time and the forecast value bytes the topology writes. */
    public record Forecasted(String series, long ts, byte[] value) implements Outcome {
    }

    /** A refused record and the dead-letter reason. */
    public record Refused(RejectReason reason) implements Outcome {
    }

    private final ObservationParser parser;
    private final SeriesForecaster forecaster;
    private final ServingModel model;
    private final ForecastJson json = new ForecastJson();
    private final Map<String, byte[]> states = new HashMap<>();

    public OfflineReplay(TopologySettings settings, ServingModel model) {
        this.parser = new ObservationParser(settings.maxValueBytes());
        this.forecaster = new SeriesForecaster(settings.forecast());
        this.model = model;
    }

    /** The outcome of the next input record (records of one key must come in their input order). */
    public Outcome apply(byte[] key, byte[] value) {
        return apply(key, value, o -> model);
    }

    /**
     * As {@link #apply(byte[], byte[])}, with the model chosen per accepted observation: with retraining on, the
     * version a live forecast names is the one to replay it under (a series re-warms on a new version exactly as
     * in the topology).
     */
    public Outcome apply(byte[] key, byte[] value, Function<Observation, ServingModel> modelFor) {
        Observation o;
        try {
            o = parser.parse(key, value);
        } catch (Rejection r) {
            return new Refused(r.reason());
        }
        byte[] stored = states.get(o.series());
        SeriesState st = stored == null ? null : SeriesStateSerde.decode(stored);
        if (st != null && o.ts() < st.lastTs) {
            return new Refused(RejectReason.OUT_OF_ORDER);
        }
        if (st != null && o.ts() == st.lastTs) {
            return new Refused(RejectReason.DUPLICATE);
        }
        if (st == null && o.gap()) {
            return new Refused(RejectReason.MISSING_FIELD);
        }
        ServingModel m = modelFor.apply(o);
        if (st == null) {
            st = forecaster.newState(m);
        }
        try {
            Forecast f = forecaster.apply(st, o, m, null);
            states.put(o.series(), SeriesStateSerde.encode(st));
            return new Forecasted(o.series(), o.ts(), json.write(f));
        } catch (RuntimeException e) {
            return new Refused(RejectReason.MALFORMED); // as the processor does with an internal error
        }
    }

    /** Number of series seen so far. */
    public int seriesCount() {
        return states.size();
    }
}
