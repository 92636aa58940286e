package dev.streamcast.loadgen.produce;

import dev.streamcast.loadgen.faults.FaultKind;
import dev.streamcast.loadgen.faults.FaultPlan;
import dev.streamcast.loadgen.series.Observation;
import dev.streamcast.loadgen.series.ObservationSource;
import dev.streamcast.loadgen.series.SyntheticSource;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The hot loop: take the next observation, draw its fault, wait for the rate limiter (and the replay clock), encode,
 * send. Runs on the calling thread until the count, the duration or the source runs out, or {@link #stop()}.
 *
 * <p>Every record carries a header {@value #SENT_MS_HEADER} (wall-clock epoch millis at send, ASCII) for outside
 * latency measurements, and fault records a header {@value #FAULT_HEADER} naming the fault; the body's {@code seq}
 * counts the records sent under the key.
 */
public final class ProduceLoop {

    public static final String SENT_MS_HEADER = "sent.ms";
    public static final String FAULT_HEADER = "loadgen.fault";

    /** What to send and how fast; 0 means unlimited for rate, count and duration. */
    public record Limits(double ratePerSecond, long count, long durationNanos) {
    }

    private final ObservationSource source;
    private final FaultPlan faults;
    private final RecordEncoder encoder;
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Limits limits;
    private final ProduceStats stats;
    private final SendListener listener;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Callback statsCallback;
    private final byte[][] faultHeaderValues = new byte[FaultKind.values().length][];
    private final Headers[] headersByKind = new Headers[FaultKind.values().length];
    private long headersMillis = Long.MIN_VALUE;
    private byte[] sentMsValue;

    public ProduceLoop(ObservationSource source, FaultPlan faults, RecordEncoder encoder,
                       Producer<byte[], byte[]> producer, String topic, Limits limits, ProduceStats stats,
                       SendListener listener) {
        this.source = source;
        this.faults = faults;
        this.encoder = encoder;
        this.producer = producer;
        this.topic = topic;
        this.limits = limits;
        this.stats = stats;
        this.listener = listener;
        this.statsCallback = (metadata, e) -> {
            if (e == null) {
                stats.ack();
            } else {
                stats.failed(e);
            }
        };
        for (FaultKind k : FaultKind.values()) {
            faultHeaderValues[k.ordinal()] = k.label().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Asks the loop to finish after the record in hand (safe from any thread, e.g. a shutdown hook). */
    public void stop() {
        stopping.set(true);
    }

    /** Runs to completion, then flushes the producer; does not close it. */
    public ProduceStats run() {
        int n = source.seriesCount();
        long[] lastValid = new long[n];
        Arrays.fill(lastValid, Long.MIN_VALUE);
        long[] seq = new long[n];
        Observation obs = new Observation();
        boolean pending = false;
        // Fetch the topic's metadata now, so the first send does not stall the rate limiter's first tokens away.
        producer.partitionsFor(topic);
        TokenBucket bucket = limits.ratePerSecond() > 0 ? new TokenBucket(limits.ratePerSecond(), TokenBucket.SYSTEM) : null;
        long start = System.nanoTime();
        long deadline = limits.durationNanos() > 0 ? start + limits.durationNanos() : Long.MAX_VALUE;
        stats.started(start);
        long sent = 0;
        SyntheticSource synthetic = source instanceof SyntheticSource s ? s : null;
        byte[][] replayKeys = synthetic == null ? replayKeys(source) : null;
        try {
            while (!stopping.get() && (limits.count() == 0 || sent < limits.count())) {
                if (!pending) {
                    if (!source.next(obs)) {
                        break;
                    }
                    pending = true;
                }
                int s = obs.series;
                FaultKind kind = faults.draw();
                if (kind.needsEarlierValue() && lastValid[s] == Long.MIN_VALUE) {
                    kind = FaultKind.NONE; // nothing earlier to be late against, repeat, or impute a gap from
                }
                if (obs.dueNanos >= 0) {
                    awaitDue(start + obs.dueNanos);
                }
                if (bucket != null) {
                    bucket.acquire();
                }
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                byte[] seriesKey = synthetic != null ? synthetic.keyBytes(s) : replayKeys[s];
                byte[] value = encoder.encode(kind, obs, seriesKey, seq[s], lastValid[s], source.stepMillis(s));
                boolean keyed = kind != FaultKind.BAD_KEY;
                if (keyed) {
                    seq[s]++;
                }
                boolean consumes = kind.accepted();
                boolean expectForecast = consumes && obs.acceptable;
                send(kind, keyed ? s : -1, value, expectForecast, now);
                if (consumes) {
                    pending = false;
                    if (obs.acceptable) {
                        lastValid[s] = obs.ts;
                    }
                }
                sent++;
            }
        } finally {
            producer.flush();
            stats.ended(System.nanoTime());
        }
        return stats;
    }

    private void send(FaultKind kind, int series, byte[] value, boolean expectForecast, long now) {
        Headers headers = headers(kind);
        long ts = encoder.ts();
        listener.sending(series, ts, expectForecast, now);
        stats.sent(kind, value.length, expectForecast);
        Callback cb = listener == SendListener.NONE ? statsCallback : (metadata, e) -> {
            statsCallback.onCompletion(metadata, e);
            if (e != null) {
                listener.failed(series, ts, expectForecast);
            }
        };
        producer.send(new ProducerRecord<>(topic, null, null, encoder.key(), value, headers), cb);
    }

    /**
     * Headers for a record sent now. The producer makes a record's headers read-only and never changes them, so one
     * instance serves every record of the same kind within the same millisecond.
     */
    private Headers headers(FaultKind kind) {
        long ms = System.currentTimeMillis();
        if (ms != headersMillis) {
            headersMillis = ms;
            sentMsValue = Long.toString(ms).getBytes(StandardCharsets.US_ASCII);
            java.util.Arrays.fill(headersByKind, null);
        }
        Headers h = headersByKind[kind.ordinal()];
        if (h == null) {
            h = new RecordHeaders();
            h.add(SENT_MS_HEADER, sentMsValue);
            if (kind != FaultKind.NONE) {
                h.add(FAULT_HEADER, faultHeaderValues[kind.ordinal()]);
            }
            headersByKind[kind.ordinal()] = h;
        }
        return h;
    }

    private void awaitDue(long dueNanos) {
        long wait;
        while (!stopping.get() && (wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 100_000_000L));
        }
    }

    private static byte[][] replayKeys(ObservationSource source) {
        byte[][] keys = new byte[source.seriesCount()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = source.key(i).getBytes(StandardCharsets.UTF_8);
        }
        return keys;
    }
}
