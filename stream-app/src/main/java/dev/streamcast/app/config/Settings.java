package dev.streamcast.app.config;

import java.util.List;

/** Every key the forecaster reads, with defaults. Anything else that Kafka knows is passed to its clients. */
public final class Settings {

    public static final List<Setting> ALL = List.of(
        new Setting("bootstrap.servers", "127.0.0.1:9092", "Kafka bootstrap servers"),
        new Setting("application.id", "streamcast", "Kafka Streams application id (also the consumer group)"),
        new Setting("processing.guarantee", "exactly_once_v2", "exactly_once_v2 or at_least_once"),
        new Setting("num.stream.threads", "1", "stream threads in this instance"),
        new Setting("num.standby.replicas", "0", "standby copies of each state store on other instances"),
        new Setting("state.dir", System.getProperty("java.io.tmpdir") + "/streamcast-state",
                "local state directory (RocksDB)"),
        new Setting("rocksdb.cache.bytes", "67108864",
                "RocksDB block cache shared by every store of the process (memtables included)"),
        new Setting("rocksdb.write.buffer.bytes", "0", "process-wide RocksDB memtable budget charged to the block "
                + "cache (0 = none; memtables are then capped per store: the manager stalled writes here)"),
        new Setting("rocksdb.memtable.bytes", "16777216", "size of each of a store's two memtables when "
                + "rocksdb.write.buffer.bytes is 0"),
        new Setting("state.decoded.series", "auto", "series states this instance keeps decoded in memory, shared by "
                + "its tasks (auto = an eighth of the heap at 4 KB each; the store serves the rest)"),
        new Setting("topic.observations", "observations", "input topic"),
        new Setting("topic.forecasts", "forecasts", "output topic"),
        new Setting("topic.dlq", "observations-dlq", "dead-letter topic for refused input"),
        new Setting("topic.models", "models", "compacted topic of model documents"),
        new Setting("topic.training", "streamcast-training-samples", "training windows flowing to the trainer"),
        new Setting("topic.partitions", "4", "partitions for topics this app creates (observations, forecasts, dlq)"),
        new Setting("topic.replication", "1", "replication factor for topics this app creates"),
        new Setting("model.name", "forecaster", "key of this application's model on the models topic"),
        new Setting("model.cell", "simple_rnn", "recurrent cell of trained models: simple_rnn, gru or lstm"),
        new Setting("model.units", "16", "hidden units of trained models"),
        new Setting("input.max.bytes", "16384", "larger input values go to the DLQ as too_large"),
        new Setting("forecast.horizon", "6", "steps forecast ahead for every event"),
        new Setting("forecast.interval.level", "0.9", "coverage of the central interval (lower, upper)"),
        new Setting("forecast.window", "24", "inputs per series kept for re-warming and training windows"),
        new Setting("forecast.error.window", "100", "recent one-step errors per series behind the interval"),
        new Setting("forecast.season.period", "auto",
                "season length in points: auto (from the spacing: monthly 12, quarterly 4, daily 7, sub-daily a week"
                + " or a day), 0 = none, or 2..400"),
        new Setting("forecast.season.period.series", "",
                "season lengths for some series, before forecast.season.period: PATTERN=PERIOD,... with * for any"
                + " characters, e.g. sensor-*=24,price-*=0; the first match wins"),
        new Setting("forecast.season.gamma", "0.1", "smoothing constant of the per-series seasonal ring"),
        new Setting("forecast.smoothing.top", "4", "the smoothing forecast weighs this many best candidates"),
        new Setting("forecast.smoothing.memory", "150", "points over which candidates' recent errors are averaged"),
        new Setting("forecast.smoothing.log", "true",
                "smooth log(value) while a series is positive (multiplicative trend and season), then sqrt(value) "
                + "while it is not negative"),
        new Setting("forecast.change.ar", "true", "for series of sub-daily points with a season, blend in a seasonal "
                + "autoregression of the series' changes (lags 1-3, around a season and a day ago)"),
        new Setting("retrain.enabled", "true", "retrain periodically from the windowed history"),
        new Setting("retrain.sample.every", "4", "a warm series emits a training window every N points"),
        new Setting("retrain.sample.dense.points", "1000",
                "a series emits a training window at every point for its first N points"),
        new Setting("retrain.sample.rate", "2000", "training windows this instance sends per second at most, after "
                + "a first burst of 5 s' worth (or retrain.min.samples if more); 0 = no limit"),
        new Setting("retrain.min.samples", "1000", "samples needed before the first training"),
        new Setting("retrain.every.samples", "4000", "new samples between two trainings"),
        new Setting("retrain.min.interval.ms", "30000", "least wall-clock time between two trainings (run only)"),
        new Setting("retrain.reservoir", "20000", "most recent samples the trainer keeps"),
        new Setting("retrain.epochs", "20", "maximum epochs per training (early stopping on)"),
        new Setting("retrain.batch.size", "32", "mini-batch size"),
        new Setting("retrain.learning.rate", "0.003", "Adam learning rate"),
        new Setting("retrain.holdout.fraction", "0.2", "most recent share of samples used by the gate"),
        new Setting("retrain.seed", "42", "base seed for initialisation and shuffling"),
        new Setting("http.host", "0.0.0.0", "address the HTTP server binds"),
        new Setting("http.port", "8080", "HTTP port (0 = any free port)"),
        new Setting("http.advertised.host", "127.0.0.1",
                "host other instances use to reach this one's HTTP server (interactive queries)"),
        new Setting("http.auth.token", "",
                "bearer token every HTTP endpoint but /health requires (empty = none); same on every instance"),
        new Setting("http.query.concurrency", "4", "expensive HTTP queries (series, model) at once; more get 429"),
        new Setting("http.query.rate", "0", "expensive HTTP queries per second, burst twice that (0 = unbounded)")
    );

    private Settings() {
    }
}
