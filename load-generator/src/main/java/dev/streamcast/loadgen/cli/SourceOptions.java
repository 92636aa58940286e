package dev.streamcast.loadgen.cli;

import dev.streamcast.loadgen.bench.LastEventTime;
import dev.streamcast.loadgen.produce.ClientSettings;
import dev.streamcast.loadgen.series.CsvReplayParser;
import dev.streamcast.loadgen.series.ObservationSource;
import dev.streamcast.loadgen.series.RegimeShifts;
import dev.streamcast.loadgen.series.ReplayData;
import dev.streamcast.loadgen.series.ReplaySource;
import dev.streamcast.loadgen.series.SyntheticSource;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What series to send: synthetic shapes (default) or a replayed CSV file. */
public final class SourceOptions {

    @Option(names = {"-k", "--keys"}, defaultValue = "1000",
            description = "Number of synthetic series (keys), sent round-robin (default: ${DEFAULT-VALUE}).")
    int keys;


    @Option(names = "--price-fraction", defaultValue = "0.3",
            description = "Share of synthetic series that are prices (GBM with volatility regimes); the rest are "
                    + "seasonal sensors (default: ${DEFAULT-VALUE}).")
    double priceFraction;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of every random choice; same seed and options = same records (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sensor-step", defaultValue = "1m", paramLabel = "DURATION",
            description = "Event-time step of sensor series (default: ${DEFAULT-VALUE}).")
    Duration sensorStep;

    @Option(names = "--price-step", defaultValue = "1s", paramLabel = "DURATION",
            description = "Event-time step of price series (default: ${DEFAULT-VALUE}).")
    Duration priceStep;

    @Option(names = "--spike-probability", defaultValue = "0.001",
            description = "Chance that a sensor reading carries a spike (default: ${DEFAULT-VALUE}).")
    double spikeProbability;

    @Option(names = "--regime-shift-at", split = ",", paramLabel = "INSTANT|OFFSET",
            description = "Event times at which every synthetic series shifts regime (level jump, new noise; new "
                    + "drift and volatility for prices): ISO-8601 instants or offsets from --start such as 12h, 2d; "
                    + "comma-separated or repeated (default: none).")
    List<String> regimeShiftAt = new ArrayList<>();

    @Option(names = "--regime-shift-size", defaultValue = "0.3",
            description = "Standard deviation of a sensor's level jump at a regime shift, relative to its level "
                    + "(default: ${DEFAULT-VALUE}).")
    double regimeShiftSize;

    @Option(names = "--replay", paramLabel = "FILE.csv",
            description = "Replay real data instead of synthetic series: CSV with header series,ts,value (ts ISO-8601 "
                    + "or epoch millis, empty value = gap), sent in ts order (default: none).")
    Path replay;

    @Option(names = "--time-compression", defaultValue = "0", paramLabel = "FACTOR",
            description = "Replay pacing: FACTOR seconds of event time per second of wall time (3600 = an hour of "
                    + "data per second); 0 = paced by --rate only (default: ${DEFAULT-VALUE}).")
    double timeCompression;

    @Option(names = "--replay-loops", defaultValue = "1",
            description = "Passes over the replay file, each shifted past the previous one in time; 0 = endless "
                    + "(default: ${DEFAULT-VALUE}).")
    int replayLoops;

    @Option(names = "--skip-bad-rows", defaultValue = "false",
            description = "Skip unreadable replay rows (counted and reported) instead of stopping at the first "
                    + "(default: ${DEFAULT-VALUE}).")
    boolean skipBadRows;

    public boolean isReplay() {
        return replay != null;
    }

    /** Builds the source; {@code start} is where synthetic event time begins. */
    public ObservationSource build(Instant start, PrintStream log) throws IOException {
        if (replay != null) {
            ReplayData data;
            try (Reader r = Files.newBufferedReader(replay, StandardCharsets.UTF_8)) {
                data = CsvReplayParser.parse(r, skipBadRows);
            }
            log.printf("replay %s: %,d rows, %,d series%s%n", replay, data.rows(), data.keys().size(),
                    data.skipped() == 0 ? "" : ", " + data.skipped() + " bad rows skipped (first: "
                            + data.problems().get(0) + ")");
            return new ReplaySource(data, timeCompression, replayLoops);
        }
        List<Long> shifts = new ArrayList<>();
        for (String s : regimeShiftAt) {
            shifts.add(parseShift(s.trim(), start));
        }
        return new SyntheticSource(new SyntheticSource.Settings(keys, priceFraction, seed, start.toEpochMilli(),
                sensorStep.toMillis(), priceStep.toMillis(), spikeProbability, regimeShiftSize,
                new RegimeShifts(shifts)));
    }

    static long parseShift(String s, Instant start) {
        if (Character.isDigit(s.charAt(0)) && s.length() > 10 && s.charAt(4) == '-') {
            return Instant.parse(s).toEpochMilli();
        }
        return start.plus(Durations.parse(s)).toEpochMilli();
    }

    /**
     * {@code --start}: an ISO-8601 instant, or for {@code now} the current minute, or the minute after the latest
     * event already on {@code topic} when that is later: a run's event time runs ahead of the clock, and a
     * forecaster that saw an earlier run refuses older timestamps.
     */
    Instant resolveStart(String s, ClientSettings client, String topic, PrintStream log) {
        if (!s.equalsIgnoreCase("now") || replay != null) {
            return parseStart(s); // a replay carries its own timestamps
        }
        Optional<Instant> latest = LastEventTime.of(client, topic, Duration.ofSeconds(30));
        Instant at = LastEventTime.startAfter(Instant.now(), latest);
        if (latest.isPresent() && !latest.get().isBefore(parseStart("now"))) {
            log.println("--start now: " + topic + " already holds events up to " + latest.get() + " (an earlier run); "
                    + "this run starts at " + at + ", after them");
        }
        return at;
    }

    /** {@code now} (rounded down to the minute) or an ISO-8601 instant. */
    static Instant parseStart(String s) {
        if (s.equalsIgnoreCase("now")) {
            long now = System.currentTimeMillis();
            return Instant.ofEpochMilli(now - now % 60_000);
        }
        return Instant.parse(s);
    }
}
