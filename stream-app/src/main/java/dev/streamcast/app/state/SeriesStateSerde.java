package dev.streamcast.app.state;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;

/**
 * Compact binary form of {@link SeriesState}; the first byte is the format version. Format 2 (smoothing bank and
 * seasonal ring) replaced format 1, whose inputs meant something else; format 3 added the inner cycle (double
 * season) and its candidates to the bank, format 4 the autoregression of the bank's errors, format 5 its seasonal
 * lags. Format 6 stored the smoothing bank folded (see {@link #repeatLength}); format 7 added the airline
 * candidates to the bank and their rings. Format 8 stores every array without its tail of zeros (a young series'
 * rings are mostly empty), the hidden state and inputs as floats and the scored errors in 16 bits (see
 * {@link SeriesState}: the forecaster keeps them at that precision in memory too, so decoding gives back the same
 * state). Older records are refused: their banks, rings and error models do not line up.
 */
public final class SeriesStateSerde implements Serde<SeriesState> {

    public static final byte FORMAT = 8;
    /** A folded bank's length is not bounded by the bytes left: refuse absurd ones before allocating. */
    private static final int MAX_CANDIDATES = 4096;
    /**
     * Arrays are stored without their zero tails, so their lengths are bounded by this instead of the bytes left:
     * the largest a setting allows (forecast.error.window 100,000).
     */
    private static final int MAX_RING = 100_000;

    public static byte[] encode(SeriesState s) {
        int filled = filledLength(s);
        int stored = repeatLength(s, filled);
        int hidden = used(s.hidden);
        int inputs = used(s.inputs);
        int errors = used(s.errors);
        int season = used(s.season);
        int errorModel = used(s.errorModel);
        int airline = used(s.airline);
        int size = 1 + 4 + 8 + 8 + 8 + 8 + 4 + 8 + 4
                + 4 + 4 + 4 * hidden
                + 4 + 4 + 4 + 4 + 4 * inputs
                + 4 + 4 + 4 + 4 + 2 * errors
                + 4 + 4 + 4 + 4 + 4 * season + 8 + 1
                + 4 + 4 + 4 + 4 + 3 * 8 * stored
                + 4 + 8 * errorModel
                + 4 + 4 + 8 * airline;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(FORMAT).putInt(s.count).putLong(s.lastTs).putLong(s.step).putDouble(s.lastValue)
                .putDouble(s.ewms).putInt(s.diffCount).putDouble(s.pending).putInt(s.modelVersion);
        b.putInt(s.hidden.length).putInt(hidden);
        putDoublesAsFloats(b, s.hidden, hidden);
        b.putInt(s.inputs.length).putInt(s.inputCount).putInt(s.inputPos).putInt(inputs);
        putDoublesAsFloats(b, s.inputs, inputs);
        b.putInt(s.errors.length).putInt(s.errorCount).putInt(s.errorPos).putInt(errors);
        for (int i = 0; i < errors; i++) {
            b.putChar(ScoredErrors.toBits(s.errors[i]));
        }
        b.putInt(s.period).putInt(s.cycle).putInt(s.season.length).putInt(season);
        putFloats(b, s.season, season);
        b.putDouble(s.firstCycleSum);
        b.put((byte) (s.logScale ? 1 : 0));
        b.putInt(s.level.length).putInt(stored).putInt(filled).putInt(s.errorModel.length);
        putDoubles(b, s.level, stored);
        putDoubles(b, s.trend, stored);
        putDoubles(b, s.rank, stored);
        b.putInt(errorModel);
        putDoubles(b, s.errorModel, errorModel);
        b.putInt(s.airline.length).putInt(airline);
        putDoubles(b, s.airline, airline);
        return b.array();
    }

    public static SeriesState decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte format = b.get();
            if (format != FORMAT) {
                throw new SerializationException("unknown series-state format " + format);
            }
            int count = b.getInt();
            long lastTs = b.getLong();
            long step = b.getLong();
            double lastValue = b.getDouble();
            double ewms = b.getDouble();
            int diffCount = b.getInt();
            double pending = b.getDouble();
            int modelVersion = b.getInt();
            double[] hidden = new double[ring(b.getInt(), "hidden state")];
            getFloatsAsDoubles(b, hidden, used(b, hidden.length, 4));
            int window = ring(b.getInt(), "input ring");
            int inputCount = b.getInt();
            int inputPos = b.getInt();
            if (window < 1 || inputCount < 0 || inputCount > window || inputPos < 0 || inputPos >= window) {
                throw new SerializationException("corrupt series-state record: input ring " + inputCount + "/"
                        + inputPos + " of " + window);
            }
            double[] inputs = new double[window];
            getFloatsAsDoubles(b, inputs, used(b, window, 4));
            int errorWindow = ring(b.getInt(), "error ring");
            SeriesState s = new SeriesState(0, window, errorWindow);
            s.hidden = hidden;
            System.arraycopy(inputs, 0, s.inputs, 0, window);
            s.inputCount = inputCount;
            s.inputPos = inputPos;
            s.errorCount = b.getInt();
            s.errorPos = b.getInt();
            if (errorWindow < 1 || s.errorCount < 0 || s.errorCount > errorWindow || s.errorPos < 0
                    || s.errorPos >= errorWindow) {
                throw new SerializationException("corrupt series-state record: error ring " + s.errorCount + "/"
                        + s.errorPos + " of " + errorWindow);
            }
            int errors = used(b, errorWindow, 2);
            for (int i = 0; i < errors; i++) {
                s.errors[i] = ScoredErrors.fromBits(b.getChar());
            }
            int period = b.getInt();
            int cycle = b.getInt();
            int seasonLength = ring(b.getInt(), "season");
            if (period < 0 || cycle < 0 || (cycle > 0 && (period == 0 || period % cycle != 0))
                    || (period == 0 ? seasonLength != 0 : (seasonLength - cycle) % period != 0)) {
                throw new SerializationException("corrupt series-state record: season " + seasonLength + " for period "
                        + period + " and cycle " + cycle);
            }
            s.initSeason(period, cycle, period == 0 ? 0 : (seasonLength - cycle) / period);
            getFloats(b, s.season, used(b, seasonLength, 4));
            s.firstCycleSum = b.getDouble();
            byte log = b.get();
            if (log != 0 && log != 1) {
                throw new SerializationException("corrupt series-state record: log flag " + log);
            }
            s.logScale = log == 1;
            int candidates = b.getInt();
            int stored = b.getInt();
            int filled = b.getInt();
            int errorModel = ring(b.getInt(), "error model");
            if (candidates < 0 || candidates > MAX_CANDIDATES || filled < 0 || filled > candidates || stored < 0
                    || stored > filled || (stored == 0 && filled > 0)) {
                throw new SerializationException("corrupt series-state record: bank of " + candidates
                        + " with " + stored + " stored and " + filled + " filled");
            }
            length(b, stored, 24);
            s.initSmoothing(candidates, errorModel);
            unfold(b, s.level, stored, filled);
            unfold(b, s.trend, stored, filled);
            unfold(b, s.rank, stored, filled);
            getDoubles(b, s.errorModel, used(b, errorModel, 8));
            int airline = ring(b.getInt(), "airline rings");
            if (airline != 0 && (period == 0 || cycle != 0 || airline % (period + 1) != 0)) {
                throw new SerializationException("corrupt series-state record: airline rings " + airline
                        + " for period " + period + " and cycle " + cycle);
            }
            s.airline = new double[airline];
            getDoubles(b, s.airline, used(b, airline, 8));
            if (b.hasRemaining()) {
                throw new SerializationException("corrupt series-state record: " + b.remaining() + " trailing bytes");
            }
            s.count = count;
            s.lastTs = lastTs;
            s.step = step;
            s.lastValue = lastValue;
            s.ewms = ewms;
            s.diffCount = diffCount;
            s.pending = pending;
            s.modelVersion = modelVersion;
            return s;
        } catch (RuntimeException e) {
            throw new SerializationException("corrupt series-state record", e);
        }
    }

    /*
     * Folding the bank. Many of its candidates hold the same numbers: a seasonal candidate equals its non-seasonal
     * twin until the season is ready, and candidates a series does not use (all seasonal ones without a season, the
     * airline ones until they score) stay zero. So the bank is stored as a prefix of `stored` candidates that repeats
     * with that period up to `filled`, then zeros: a series without a season stores its 12 non-seasonal candidates.
     * The encoder checks that the numbers repeat exactly (bit for bit), so decoding gives back the very same state
     * whatever the bank's layout.
     */

    /** The bank's length without its tail of candidates whose level, trend and rank are all +0.0. */
    static int filledLength(SeriesState s) {
        int n = s.level.length;
        while (n > 0 && isZero(s.level[n - 1]) && isZero(s.trend[n - 1]) && isZero(s.rank[n - 1])) {
            n--;
        }
        return n;
    }

    /** The shortest prefix whose repetition gives the bank's first {@code filled} candidates exactly. */
    static int repeatLength(SeriesState s, int filled) {
        for (int n = 1; n < filled; n++) {
            if (repeats(s.level, n, filled) && repeats(s.trend, n, filled) && repeats(s.rank, n, filled)) {
                return n;
            }
        }
        return filled;
    }

    private static boolean repeats(double[] a, int period, int end) {
        for (int i = period; i < end; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(a[i - period])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(double x) {
        return Double.doubleToRawLongBits(x) == 0L;
    }

    private static void unfold(ByteBuffer b, double[] a, int stored, int filled) {
        getDoubles(b, a, stored);
        for (int i = stored; i < filled; i++) {
            a[i] = a[i - stored];
        }
    }

    /** An array's length without its tail of +0.0 elements, which are not stored. */
    static int used(double[] a) {
        int n = a.length;
        while (n > 0 && Double.doubleToRawLongBits(a[n - 1]) == 0L) {
            n--;
        }
        return n;
    }

    static int used(float[] a) {
        int n = a.length;
        while (n > 0 && Float.floatToRawIntBits(a[n - 1]) == 0) {
            n--;
        }
        return n;
    }

    /** How many of an array's {@code length} elements were stored: at most its length, and bytes for each. */
    private static int used(ByteBuffer b, int length, int bytesEach) {
        int n = b.getInt();
        if (n > length) {
            throw new SerializationException("corrupt series-state record: " + n + " stored of " + length);
        }
        return length(b, n, bytesEach);
    }

    /** A stored array's full length: its elements may be missing (zeros), so only a sanity bound applies. */
    private static int ring(int n, String what) {
        if (n < 0 || n > MAX_RING) {
            throw new SerializationException("corrupt series-state record: " + what + " of length " + n);
        }
        return n;
    }

    // Bulk copies (one byte-swapping memory copy per array): element-wise puts and gets were a tenth of the stream
    // thread's time. Arrays are stored one after the other, so the smoothing bank is level[], trend[], rank[].

    /** The first {@code n} of {@code a}. */
    private static void putDoubles(ByteBuffer b, double[] a, int n) {
        b.asDoubleBuffer().put(a, 0, n);
        b.position(b.position() + 8 * n);
    }

    /** The first {@code n} of {@code a}, which hold float values (see {@link SeriesState#roundHidden}). */
    private static void putDoublesAsFloats(ByteBuffer b, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            b.putFloat((float) a[i]);
        }
    }

    private static void putFloats(ByteBuffer b, float[] a, int n) {
        b.asFloatBuffer().put(a, 0, n);
        b.position(b.position() + 4 * n);
    }

    /** Into the first {@code n} of {@code a}. */
    private static void getDoubles(ByteBuffer b, double[] a, int n) {
        b.asDoubleBuffer().get(a, 0, n);
        b.position(b.position() + 8 * n);
    }

    private static void getFloatsAsDoubles(ByteBuffer b, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = b.getFloat();
        }
    }

    private static void getFloats(ByteBuffer b, float[] a, int n) {
        b.asFloatBuffer().get(a, 0, n);
        b.position(b.position() + 4 * n);
    }

    /** A stored element count, refused before reading when the remaining bytes cannot hold it (corrupt input). */
    private static int length(ByteBuffer b, int n, int bytesEach) {
        if (n < 0 || (long) n * bytesEach > b.remaining()) {
            throw new SerializationException("corrupt series-state record: length " + n + " with " + b.remaining()
                    + " bytes left");
        }
        return n;
    }

    @Override
    public Serializer<SeriesState> serializer() {
        return (topic, s) -> s == null ? null : encode(s);
    }

    @Override
    public Deserializer<SeriesState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }
}
