package dev.streamcast.loadgen.series;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Synthetic series, visited round-robin: record {@code i} belongs to series {@code i mod keys}, and each series
 * advances by its own step from {@code start}, so per-series timestamps strictly increase. Which series is a price
 * and which a sensor is hashed from the seed; the whole stream is a function of the settings and the seed.
 */
public final class SyntheticSource implements ObservationSource {

    /** Settings of a synthetic run. */
    public record Settings(int keys, double priceFraction, long seed, long startMillis, long sensorStepMillis,
                           long priceStepMillis, double spikeProbability, double shiftSize,
                           RegimeShifts shifts) {
        public Settings {
            if (keys < 1) {
                throw new IllegalArgumentException("keys must be at least 1, not " + keys);
            }
            if (priceFraction < 0 || priceFraction > 1) {
                throw new IllegalArgumentException("the price fraction must be in [0, 1], not " + priceFraction);
            }
            if (sensorStepMillis < 1 || priceStepMillis < 1) {
                throw new IllegalArgumentException("steps must be at least 1 ms");
            }
        }
    }

    private static final int DIGITS = 7;

    private final Settings settings;
    private final SplittableRandom rng;
    private final SensorShape sensors;
    private final PriceShape prices;
    private final long[] steps;
    private final byte[][] keyBytes;
    /** Kind per series, hashed once: 0 = not yet, 1 = sensor, 2 = price. */
    private final byte[] kinds;
    private long counter;

    public SyntheticSource(Settings s) {
        this.settings = s;
        this.rng = new SplittableRandom(s.seed());
        this.sensors = new SensorShape(s.seed(), s.spikeProbability(), s.shiftSize(), s.shifts(), s.keys());
        this.prices = new PriceShape(s.seed(), s.keys(), s.shifts());
        this.steps = new long[s.keys()];
        this.keyBytes = new byte[s.keys()][];
        this.kinds = new byte[s.keys()];
    }

    public SeriesKind kind(int series) {
        byte k = kinds[series];
        if (k == 0) {
            k = SplitMix.unit(settings.seed(), series, 0) < settings.priceFraction() ? (byte) 2 : (byte) 1;
            kinds[series] = k;
        }
        return k == 2 ? SeriesKind.PRICE : SeriesKind.SENSOR;
    }

    @Override
    public int seriesCount() {
        return settings.keys();
    }

    @Override
    public String key(int series) {
        String digits = Integer.toString(series);
        StringBuilder b = new StringBuilder(16).append(kind(series).prefix());
        for (int i = digits.length(); i < DIGITS; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /** The key as UTF-8, cached so the hot loop encodes each key once. */
    public byte[] keyBytes(int series) {
        byte[] k = keyBytes[series];
        if (k == null) {
            k = key(series).getBytes(StandardCharsets.UTF_8);
            keyBytes[series] = k;
        }
        return k;
    }

    @Override
    public int indexOf(String key) {
        for (SeriesKind kind : SeriesKind.values()) {
            if (key.startsWith(kind.prefix())) {
                String digits = key.substring(kind.prefix().length());
                if (digits.length() < DIGITS || !digits.chars().allMatch(Character::isDigit) || digits.length() > 10) {
                    return -1;
                }
                long i = Long.parseLong(digits);
                return i < settings.keys() && kind(((int) i)) == kind && key.equals(key((int) i)) ? (int) i : -1;
            }
        }
        return -1;
    }

    @Override
    public long stepMillis(int series) {
        return kind(series) == SeriesKind.PRICE ? settings.priceStepMillis() : settings.sensorStepMillis();
    }

    @Override
    public boolean next(Observation out) {
        int series = (int) (counter++ % settings.keys());
        long step = stepMillis(series);
        long ts = settings.startMillis() + steps[series]++ * step;
        out.series = series;
        out.ts = ts;
        out.gap = false;
        out.acceptable = true;
        out.dueNanos = -1;
        out.value = kind(series) == SeriesKind.PRICE
                ? prices.next(series, ts, step, rng)
                : sensors.value(series, ts, settings.startMillis(), rng);
        return true;
    }
}
