package dev.streamcast.app.state;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Compact binary form of {@link SeriesState}; the first byte is the format version. Format 2 (smoothing bank and
 * seasonal ring) replaced format 1, whose inputs meant something else; format 3 added the inner cycle (double
 * season) and its candidates to the bank, format 4 the autoregression of the bank's errors, format 5 its seasonal
 * lags. Format 6 stored the smoothing bank folded (see {@link #repeatLength}); format 7 added the airline
 * candidates to the bank and their rings. Format 8 stores every array without its tail of zeros (a young series'
 * rings are mostly empty), the hidden state and inputs as floats and the scored errors in 16 bits (see
 * {@link SeriesState}: the forecaster keeps them at that precision in memory too, so decoding gives back the same
 * state). Format 9 stores the same fields compactly ({@link CompactBytes}: integers as varints, the bank, error
 * model and airline rings as bitmaps of their non-zero doubles), little-endian: a young series' state is 30% smaller,
 * and with 100,000 series every event writes one to the store and its changelog. Format 8 records are still
 * read (an upgrade keeps every series); older ones are refused: their banks, rings and error models do not line up.
 * Within format 9, later builds added a transform byte value (2: square roots) and a longer error model for
 * sub-daily seasons (the change autoregression, grown by the forecaster when missing); a build before them restarts a
 * square-root series (its transform byte is unknown there) and carries the longer error model along unused. Format
 * 10 adds the point where the season started ({@link SeriesState#seasonStart}) at the end, and is written only where
 * that is not 0 (a season learnt anew after the bank restarted on another scale): other states are written in format
 * 9, which a build before format 10 reads too, so a rollback keeps them.
 */
public final class SeriesStateSerde implements Serde<SeriesState> {

    public static final byte FORMAT = 10;
    /** The previous formats, still read: see {@link #decode}. */
    public static final byte FORMAT_9 = 9;
    public static final byte FORMAT_8 = 8;
    /** A folded bank's length is not bounded by the bytes left: refuse absurd ones before allocating. */
    private static final int MAX_CANDIDATES = 4096;
    /**
     * Arrays are stored without their zero tails, so their lengths are bounded by this instead of the bytes left:
     * the largest a setting allows (forecast.error.window 100,000).
     */
    private static final int MAX_RING = 100_000;

    /**
     * Each thread's encoding buffer, grown to the largest state it has written: a fresh one per write was zeroed at
     * the worst-case size (about twice the record) and then copied.
     */
    private static final ThreadLocal<ByteBuffer> SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN));

    public static byte[] encode(SeriesState s) {
        int filled = filledLength(s);
        int stored = repeatLength(s, filled);
        int hidden = used(s.hidden);
        int inputs = used(s.inputs);
        int errors = used(s.errors);
        int season = used(s.season);
        int bound = 1 + 3 * CompactBytes.MAX_VARLONG + 24 * CompactBytes.MAX_VARINT + 4 * 8 + 1
                + 4 * (hidden + inputs + season) + 2 * errors + 3 * CompactBytes.maxSparse(stored)
                + CompactBytes.maxSparse(s.errorModel.length) + CompactBytes.maxSparse(s.airline.length);
        ByteBuffer b = SCRATCH.get();
        if (b.capacity() < bound) {
            b = ByteBuffer.allocate(Math.max(bound, 2 * b.capacity())).order(ByteOrder.LITTLE_ENDIAN);
            SCRATCH.set(b);
        }
        b.clear();
        // Format 9 while the season started with the series (nearly every one): a build before format 10 reads it.
        boolean restarted = s.seasonStart != 0;
        b.put(restarted ? FORMAT : FORMAT_9);
        CompactBytes.putVarint(b, s.count);
        CompactBytes.putVarlong(b, s.lastTs);
        CompactBytes.putVarlong(b, s.step);
        b.putDouble(s.lastValue).putDouble(s.ewms);
        CompactBytes.putVarint(b, s.diffCount);
        b.putDouble(s.pending);
        CompactBytes.putVarint(b, s.modelVersion);
        putInts(b, s.hidden.length, hidden);
        putDoublesAsFloats(b, s.hidden, hidden);
        putInts(b, s.inputs.length, s.inputCount, s.inputPos, inputs);
        putDoublesAsFloats(b, s.inputs, inputs);
        putInts(b, s.errors.length, s.errorCount, s.errorPos, errors);
        for (int i = 0; i < errors; i++) {
            b.putChar(ScoredErrors.toBits(s.errors[i]));
        }
        putInts(b, s.period, s.cycle, s.season.length, season);
        for (int i = 0; i < season; i++) {
            b.putFloat(s.season[i]);
        }
        b.putDouble(s.firstCycleSum);
        b.put(s.transform);
        putInts(b, s.level.length, stored, filled, s.errorModel.length);
        CompactBytes.putSparse(b, s.level, stored);
        CompactBytes.putSparse(b, s.trend, stored);
        CompactBytes.putSparse(b, s.rank, stored);
        CompactBytes.putSparse(b, s.errorModel, s.errorModel.length);
        CompactBytes.putVarint(b, s.airline.length);
        CompactBytes.putSparse(b, s.airline, s.airline.length);
        if (restarted) {
            CompactBytes.putVarlong(b, s.seasonStart);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * Reads the current format, format 9 (the same without the season's start) and format 8 (the same fields at fixed
     * widths, big-endian, arrays cut at their zero tails instead of sparse), so an upgrade keeps every series' state.
     */
    public static SeriesState decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte format = b.get();
            if (format != FORMAT && format != FORMAT_9 && format != FORMAT_8) {
                throw new SerializationException("unknown series-state format " + format);
            }
            Fields f = format == FORMAT_8 ? new Fields(b, false) : new Fields(b.order(ByteOrder.LITTLE_ENDIAN), true);
            int count = f.integer();
            long lastTs = f.longInteger();
            long step = f.longInteger();
            double lastValue = b.getDouble();
            double ewms = b.getDouble();
            int diffCount = f.integer();
            double pending = b.getDouble();
            int modelVersion = f.integer();
            double[] hidden = new double[ring(f.integer(), "hidden state")];
            getFloatsAsDoubles(b, hidden, f.used(hidden.length, 4));
            int window = ring(f.integer(), "input ring");
            int inputCount = f.integer();
            int inputPos = f.integer();
            if (window < 1 || inputCount < 0 || inputCount > window || inputPos < 0 || inputPos >= window) {
                throw new SerializationException("corrupt series-state record: input ring " + inputCount + "/"
                        + inputPos + " of " + window);
            }
            double[] inputs = new double[window];
            getFloatsAsDoubles(b, inputs, f.used(window, 4));
            int errorWindow = ring(f.integer(), "error ring");
            SeriesState s = new SeriesState(0, window, errorWindow);
            s.hidden = hidden;
            System.arraycopy(inputs, 0, s.inputs, 0, window);
            s.inputCount = inputCount;
            s.inputPos = inputPos;
            s.errorCount = f.integer();
            s.errorPos = f.integer();
            if (errorWindow < 1 || s.errorCount < 0 || s.errorCount > errorWindow || s.errorPos < 0
                    || s.errorPos >= errorWindow) {
                throw new SerializationException("corrupt series-state record: error ring " + s.errorCount + "/"
                        + s.errorPos + " of " + errorWindow);
            }
            int errors = f.used(errorWindow, 2);
            for (int i = 0; i < errors; i++) {
                s.errors[i] = ScoredErrors.fromBits(b.getChar());
            }
            int period = f.integer();
            int cycle = f.integer();
            int seasonLength = ring(f.integer(), "season");
            if (period < 0 || cycle < 0 || (cycle > 0 && (period == 0 || period % cycle != 0))
                    || (period == 0 ? seasonLength != 0 : (seasonLength - cycle) % period != 0)) {
                throw new SerializationException("corrupt series-state record: season " + seasonLength + " for period "
                        + period + " and cycle " + cycle);
            }
            s.initSeason(period, cycle, period == 0 ? 0 : (seasonLength - cycle) / period);
            int season = f.used(seasonLength, 4);
            for (int i = 0; i < season; i++) {
                s.season[i] = b.getFloat();
            }
            s.firstCycleSum = b.getDouble();
            byte transform = b.get();
            if (transform != SeriesState.RAW && transform != SeriesState.LOG && transform != SeriesState.SQRT) {
                throw new SerializationException("corrupt series-state record: transform " + transform);
            }
            s.transform = transform;
            int candidates = f.integer();
            int stored = f.integer();
            int filled = f.integer();
            int errorModel = ring(f.integer(), "error model");
            if (candidates < 0 || candidates > MAX_CANDIDATES || filled < 0 || filled > candidates || stored < 0
                    || stored > filled || (stored == 0 && filled > 0)) {
                throw new SerializationException("corrupt series-state record: bank of " + candidates
                        + " with " + stored + " stored and " + filled + " filled");
            }
            s.initSmoothing(candidates, errorModel);
            f.bank(s.level, stored, filled);
            f.bank(s.trend, stored, filled);
            f.bank(s.rank, stored, filled);
            f.doubles(s.errorModel);
            int airline = ring(f.integer(), "airline rings");
            if (airline != 0 && (period == 0 || cycle != 0 || airline % (period + 1) != 0)) {
                throw new SerializationException("corrupt series-state record: airline rings " + airline
                        + " for period " + period + " and cycle " + cycle);
            }
            s.airline = new double[airline];
            f.doubles(s.airline);
            long seasonStart = format == FORMAT ? f.longInteger() : 0;
            if (seasonStart < 0 || (seasonStart > 0 && seasonStart > count - 2L)) { // restarted at count - 2 or before
                throw new SerializationException("corrupt series-state record: season start " + seasonStart + " of "
                        + count + " points");
            }
            s.seasonStart = seasonStart;
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

    /** The fields whose encoding differs between the current format (compact) and format 8 (fixed widths). */
    private record Fields(ByteBuffer b, boolean compact) {

        int integer() {
            return compact ? CompactBytes.getVarint(b) : b.getInt();
        }

        long longInteger() {
            return compact ? CompactBytes.getVarlong(b) : b.getLong();
        }

        /** How many of an array's {@code length} elements were stored: at most its length, and bytes for each. */
        int used(int length, int bytesEach) {
            int n = integer();
            if (n > length) {
                throw new SerializationException("corrupt series-state record: " + n + " stored of " + length);
            }
            return length(b, n, bytesEach);
        }

        /** A bank array: its first {@code stored} candidates, repeated up to {@code filled}. */
        void bank(double[] a, int stored, int filled) {
            if (compact) {
                CompactBytes.getSparse(b, a, stored);
            } else {
                getDoubles(b, a, length(b, stored, 8));
            }
            for (int i = stored; i < filled; i++) {
                a[i] = a[i - stored];
            }
        }

        /** A whole array: sparse, or (format 8) its used length then those elements. */
        void doubles(double[] a) {
            if (compact) {
                CompactBytes.getSparse(b, a, a.length);
            } else {
                getDoubles(b, a, used(a.length, 8));
            }
        }
    }

    private static void putInts(ByteBuffer b, int... values) {
        for (int v : values) {
            CompactBytes.putVarint(b, v);
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

    /** A stored array's full length: its elements may be missing (zeros), so only a sanity bound applies. */
    private static int ring(int n, String what) {
        if (n < 0 || n > MAX_RING) {
            throw new SerializationException("corrupt series-state record: " + what + " of length " + n);
        }
        return n;
    }

    // Element-wise puts and gets in the current format's little-endian (native) order; format 8 was big-endian, and
    // its element-wise doubles were a tenth of the stream thread's time, hence the bulk copy that reads them.

    /** The first {@code n} of {@code a}, which hold float values (see {@link SeriesState#roundHidden}). */
    private static void putDoublesAsFloats(ByteBuffer b, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            b.putFloat((float) a[i]);
        }
    }

    /** Into the first {@code n} of {@code a} (format 8's plain doubles). */
    private static void getDoubles(ByteBuffer b, double[] a, int n) {
        b.asDoubleBuffer().get(a, 0, n);
        b.position(b.position() + 8 * n);
    }

    private static void getFloatsAsDoubles(ByteBuffer b, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = b.getFloat();
        }
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
