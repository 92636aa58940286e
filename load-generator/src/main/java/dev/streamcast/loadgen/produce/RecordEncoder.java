package dev.streamcast.loadgen.produce;

import dev.streamcast.loadgen.faults.FaultKind;
import dev.streamcast.loadgen.faults.FaultPlan;
import dev.streamcast.loadgen.series.Observation;

import java.nio.charset.StandardCharsets;

/**
 * Encodes one record of a given {@link FaultKind}: the value is {@code {"ts":T,"value":V,"seq":N}} for valid
 * records and a deliberately broken variant for faults. Fault records take their ts from the pending observation
 * (or the series' last valid ts) but never advance the series, so valid timestamps stay strictly increasing.
 */
public final class RecordEncoder {

    /** Keys for {@link FaultKind#BAD_KEY}: empty, and one byte over the contract's 256-byte limit. */
    private static final byte[] EMPTY_KEY = new byte[0];
    private static final byte[] LONG_KEY = "k".repeat(257).getBytes(StandardCharsets.US_ASCII);

    private final JsonBytes json = new JsonBytes();
    private final boolean exactValues;
    private final int oversizedBytes;
    private final FaultPlan variants;

    /** The key of the last encoded record: the series key unless the fault replaced it. */
    private byte[] key;
    /** The ts written into the last encoded record, or Long.MIN_VALUE when it has none. */
    private long ts;

    /**
     * @param exactValues    write every digit of the values (replay) instead of 6 decimals (synthetic)
     * @param oversizedBytes size of {@link FaultKind#OVERSIZED} values
     * @param variants       source of the choices among fault variants (seeded)
     */
    public RecordEncoder(boolean exactValues, int oversizedBytes, FaultPlan variants) {
        this.exactValues = exactValues;
        this.oversizedBytes = oversizedBytes;
        this.variants = variants;
    }

    /**
     * Encodes and returns the value bytes; {@link #key()} and {@link #ts()} describe what was written.
     *
     * @param lastValidTs the series' last valid ts (needed by LATE and DUPLICATE)
     * @param stepMillis  the series' step (LATE goes back up to two steps)
     */
    public byte[] encode(FaultKind kind, Observation o, byte[] seriesKey, long seq, long lastValidTs, long stepMillis) {
        key = seriesKey;
        ts = o.ts;
        json.reset();
        switch (kind) {
            case NONE -> body(o.ts, o.gap ? Double.NaN : o.value, seq);
            case GAP -> body(o.ts, Double.NaN, seq);
            case LATE -> {
                ts = lastValidTs - 1 - variants.variant((int) Math.min(Integer.MAX_VALUE - 1, Math.max(1, 2 * stepMillis)));
                body(ts, o.value, seq);
            }
            case DUPLICATE -> {
                ts = lastValidTs;
                body(ts, o.value, seq);
            }
            case MALFORMED -> malformed(o, seq);
            case MISSING_FIELD -> {
                ts = Long.MIN_VALUE;
                json.ascii("{\"value\":");
                value(o.value);
                json.ascii(",\"seq\":").number(seq).put('}');
            }
            case NON_FINITE -> json.ascii("{\"ts\":").number(o.ts)
                    .ascii(variants.variant(2) == 0 ? ",\"value\":1e999" : ",\"value\":-1e999")
                    .ascii(",\"seq\":").number(seq).put('}');
            case OVERSIZED -> {
                json.ascii("{\"ts\":").number(o.ts).ascii(",\"value\":");
                value(o.value);
                json.ascii(",\"seq\":").number(seq).ascii(",\"pad\":\"");
                json.repeat('x', Math.max(0, oversizedBytes - json.length() - 2)).ascii("\"}");
            }
            case BAD_KEY -> {
                key = variants.variant(2) == 0 ? EMPTY_KEY : LONG_KEY;
                body(o.ts, o.value, seq);
            }
            default -> throw new IllegalStateException("unknown fault " + kind);
        }
        return json.toArray();
    }

    public byte[] key() {
        return key;
    }

    public long ts() {
        return ts;
    }

    private void body(long t, double v, long seq) {
        json.ascii("{\"ts\":").number(t).ascii(",\"value\":");
        if (Double.isNaN(v)) {
            json.ascii("null");
        } else {
            value(v);
        }
        json.ascii(",\"seq\":").number(seq).put('}');
    }

    private void value(double v) {
        if (exactValues) {
            json.exact(v);
        } else {
            json.decimal(v);
        }
    }

    private void malformed(Observation o, long seq) {
        switch (variants.variant(3)) {
            case 0 -> json.ascii("{\"ts\":").number(o.ts).ascii(",\"value\":"); // truncated
            case 1 -> json.ascii("ts=").number(o.ts).ascii(" value=").number(seq); // not JSON at all
            default -> json.ascii("[").number(o.ts).put(',').number(seq).put(']'); // JSON, but not an object
        }
    }
}
