package dev.streamcast.loadgen.baseline;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Per input record: validate and parse, get the series' small state (last ts, count, last value) from RocksDB,
 * reject out-of-order and duplicate ts, put the new state, emit one JSON record. Rejected records go to the
 * dead-letter sink unchanged, with the contract's error headers. The "forecast" is the last value (naive); the point
 * is the cost of the stateful plumbing, not the model.
 */
final class BaselineProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    static final int MAX_KEY_BYTES = 256;
    private static final int STATE_BYTES = 24;

    private final int maxValueBytes;
    private final ObservationReader reader = new ObservationReader();
    private final StringBuilder out = new StringBuilder(256);
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> store;

    BaselineProcessor(int maxValueBytes) {
        this.maxValueBytes = maxValueBytes;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(BaselineTopology.STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        try {
            byte[] key = record.key();
            if (key == null || key.length == 0 || key.length > MAX_KEY_BYTES) {
                throw new Verdict("bad_key", key == null || key.length == 0 ? "no key" : "key longer than 256 bytes");
            }
            byte[] value = record.value();
            if (value == null) {
                throw new Verdict("malformed", "no value");
            }
            if (value.length > maxValueBytes) {
                throw new Verdict("too_large", "value of " + value.length + " bytes, more than " + maxValueBytes);
            }
            reader.read(value);
            Bytes k = Bytes.wrap(key);
            ByteBuffer state = Optional.ofNullable(store.get(k)).map(ByteBuffer::wrap).orElse(null);
            long count = 0;
            double last = Double.NaN;
            if (state == null && reader.gap) {
                throw new Verdict("missing_field", "\"value\" is null (a gap) but the series has no earlier value");
            }
            if (state != null) {
                long lastTs = state.getLong(0);
                if (reader.ts == lastTs) {
                    throw new Verdict("duplicate", "ts " + reader.ts + " seen already");
                }
                if (reader.ts < lastTs) {
                    throw new Verdict("out_of_order", "ts " + reader.ts + " is before " + lastTs);
                }
                count = state.getLong(8);
                last = state.getDouble(16);
            }
            double current = reader.gap ? last : reader.value;
            ByteBuffer next = ByteBuffer.allocate(STATE_BYTES).putLong(0, reader.ts).putLong(8, count + 1)
                    .putDouble(16, current);
            store.put(k, next.array());
            String series = new String(key, StandardCharsets.UTF_8);
            context.forward(new Record<>(key, forecast(series, current, count + 1), record.timestamp()),
                    BaselineTopology.FORECASTS_SINK);
        } catch (Verdict v) {
            deadLetter(record, v);
        }
    }

    private byte[] forecast(String series, double value, long count) {
        out.setLength(0);
        out.append("{\"series\":\"");
        escape(series);
        out.append("\",\"ts\":").append(reader.ts).append(",\"value\":");
        number(value);
        out.append(",\"horizon\":[{\"ts\":").append(reader.ts + 1).append(",\"mean\":");
        number(value);
        out.append(",\"lower\":");
        number(value);
        out.append(",\"upper\":");
        number(value);
        out.append("}],\"model_version\":0,\"warm\":").append(count > 1)
                .append(",\"imputed\":").append(reader.gap).append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void number(double v) {
        if (Double.isNaN(v)) {
            out.append("null");
        } else {
            out.append(v);
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, Verdict v) {
        Record<byte[], byte[]> dead = record.withHeaders(record.headers());
        Headers h = dead.headers();
        h.add("error.reason", v.reason.getBytes(StandardCharsets.UTF_8));
        h.add("error.message", v.getMessage().getBytes(StandardCharsets.UTF_8));
        Optional<RecordMetadata> meta = context.recordMetadata();
        meta.ifPresent(m -> {
            h.add("source.topic", m.topic().getBytes(StandardCharsets.UTF_8));
            h.add("source.partition", Integer.toString(m.partition()).getBytes(StandardCharsets.UTF_8));
            h.add("source.offset", Long.toString(m.offset()).getBytes(StandardCharsets.UTF_8));
        });
        context.forward(dead, BaselineTopology.DLQ_SINK);
    }
}
