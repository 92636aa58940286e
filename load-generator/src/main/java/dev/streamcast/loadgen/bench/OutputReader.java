package dev.streamcast.loadgen.bench;

import dev.streamcast.loadgen.produce.ProduceLoop;
import dev.streamcast.loadgen.series.ObservationSource;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code forecasts} and the dead-letter topic from their ends as of {@link #positionAtEnd()} (so only this
 * run's output counts), matches each forecast to the sent record by (series key, ts) and records the latency from
 * send to consumption. One thread; the counters are read by the bench thread.
 */
public final class OutputReader implements Runnable {

    private static final long HISTOGRAM_MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Consumer<byte[], byte[]> consumer;
    private final String forecastsTopic;
    private final String dlqTopic;
    private final ObservationSource source;
    private final SentIndex index;
    private final Histogram latencyMicros = new Histogram(HISTOGRAM_MAX_MICROS, 3);
    private final Map<String, Long> dlqReasons = new TreeMap<>();
    private volatile boolean running = true;
    private volatile long latencyFromNanos = Long.MIN_VALUE;
    private volatile long throughputFromNanos = Long.MIN_VALUE;
    private volatile long forecasts;
    private volatile long dlq;
    private volatile long unexpected;
    private volatile long unreadable;
    private volatile long duplicates;
    private volatile long matched;
    private volatile long validDeadLettered;
    private final List<String> examples = new ArrayList<>();
    private static final int MAX_EXAMPLES = 5;
    private volatile long firstOutputNanos;
    private volatile long lastOutputNanos;
    private long outputsAfterWarmup;
    private long firstAfterWarmupNanos;
    private volatile Throwable failure;

    public OutputReader(Consumer<byte[], byte[]> consumer, String forecastsTopic, String dlqTopic,
                        ObservationSource source, SentIndex index) {
        this.consumer = consumer;
        this.forecastsTopic = forecastsTopic;
        this.dlqTopic = dlqTopic;
        this.source = source;
        this.index = index;
    }

    /** Assigns every partition of both topics and moves to their current ends; call before producing. */
    public void positionAtEnd() {
        List<TopicPartition> parts = new ArrayList<>();
        for (String topic : List.of(forecastsTopic, dlqTopic)) {
            List<PartitionInfo> infos = partitions(topic);
            infos.forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
        }
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(p -> consumer.position(p, Duration.ofSeconds(30))); // resolve now, not at the first poll
    }

    /** The topic's partitions, waiting up to 30 s for a just-created topic's metadata to reach the broker. */
    private List<PartitionInfo> partitions(String topic) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null && !infos.isEmpty()) {
                return infos;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " does not exist (create it or drop --no-create-topics)");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic " + topic, e);
            }
        }
    }

    /** Latencies of records sent before this instant are left out of the histogram. */
    public void latencyFrom(long nanos) {
        latencyFromNanos = nanos;
    }

    /** Outputs consumed from this instant on are counted by {@link #afterWarmup()}. */
    public void throughputFrom(long nanos) {
        throughputFromNanos = nanos;
    }

    @Override
    public void run() {
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (!records.isEmpty()) {
                    handle(records, System.nanoTime());
                }
            }
        } catch (WakeupException stop) {
            // stop() woke us
        } catch (Throwable t) {
            failure = t;
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records, long now) {
        long f = 0;
        long d = 0;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (r.topic().equals(dlqTopic)) {
                d++;
                Header h = r.headers().lastHeader("error.reason");
                String reason = h == null ? "(none)" : new String(h.value(), StandardCharsets.UTF_8);
                dlqReasons.merge(reason, 1L, Long::sum);
                checkDeadLetter(r, reason);
            } else {
                f++;
                matchForecast(r, now);
            }
        }
        synchronized (this) {
            if (firstOutputNanos == 0) {
                firstOutputNanos = now;
            }
            lastOutputNanos = now;
            forecasts += f;
            dlq += d;
            if (throughputFromNanos != Long.MIN_VALUE && now >= throughputFromNanos) {
                if (outputsAfterWarmup == 0) {
                    firstAfterWarmupNanos = now;
                }
                outputsAfterWarmup += f + d;
            }
        }
    }

    /**
     * A dead letter for a record the generator sent as valid (no fault header; the send-time header proves the
     * original headers were kept, else nothing can be told) means the app refused good input: count it and keep a
     * few examples with the app's reason.
     */
    private void checkDeadLetter(ConsumerRecord<byte[], byte[]> r, String reason) {
        if (r.headers().lastHeader(ProduceLoop.SENT_MS_HEADER) == null
                || r.headers().lastHeader(ProduceLoop.FAULT_HEADER) != null || r.key() == null) {
            return;
        }
        ForecastParser.Fields fields = ForecastParser.parse(r.value());
        int series = source.indexOf(new String(r.key(), StandardCharsets.UTF_8));
        if (series < 0 || fields.ts() == Long.MIN_VALUE || !index.expects(series, fields.ts())) {
            return;
        }
        validDeadLettered++;
        if (examples.size() < MAX_EXAMPLES) {
            Header m = r.headers().lastHeader("error.message");
            examples.add(new String(r.key(), StandardCharsets.UTF_8) + " " + new String(r.value(), StandardCharsets.UTF_8)
                    + " -> " + reason + (m == null ? "" : ": " + new String(m.value(), StandardCharsets.UTF_8)));
        }
    }

    private void matchForecast(ConsumerRecord<byte[], byte[]> r, long now) {
        ForecastParser.Fields fields = ForecastParser.parse(r.value());
        String key = r.key() != null ? new String(r.key(), StandardCharsets.UTF_8) : fields.series();
        int series = key == null ? -1 : source.indexOf(key);
        if (fields.ts() == Long.MIN_VALUE) {
            unreadable++;
            return;
        }
        long sent = series < 0 ? SentIndex.UNKNOWN : index.match(series, fields.ts());
        if (sent == SentIndex.UNKNOWN) {
            unexpected++;
        } else if (sent == SentIndex.DUPLICATE) {
            duplicates++;
        } else {
            matched++;
            if (latencyFromNanos == Long.MIN_VALUE || sent - latencyFromNanos >= 0) {
                latencyMicros.recordValue(Math.min(HISTOGRAM_MAX_MICROS, Math.max(0, (now - sent) / 1000)));
            }
        }
    }

    /** Stops the reader thread (it closes its consumer). */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    public long forecasts() {
        return forecasts;
    }

    public long dlq() {
        return dlq;
    }

    public long outputs() {
        return forecasts + dlq;
    }

    /** Forecasts whose (key, ts) matches no record this run sent. */
    public long unexpected() {
        return unexpected;
    }

    /** Forecasts without a readable top-level ts. */
    public long unreadable() {
        return unreadable;
    }

    /** Records sent as valid that the app dead-lettered instead (when its dead letters keep the headers). */
    public long validDeadLettered() {
        return validDeadLettered;
    }

    /** A few of those, with the app's reason (call after the thread ended). */
    public List<String> validDeadLetteredExamples() {
        return examples;
    }

    /** Sent records that got their first forecast. */
    public long matched() {
        return matched;
    }

    public long duplicates() {
        return duplicates;
    }

    public long firstOutputNanos() {
        return firstOutputNanos;
    }

    public long lastOutputNanos() {
        return lastOutputNanos;
    }

    /** Outputs consumed at or after the warm-up end, and when the first of them arrived. */
    public synchronized long[] afterWarmup() {
        return new long[] {outputsAfterWarmup, firstAfterWarmupNanos};
    }

    /** Call after the thread ended. */
    public Histogram latencyMicros() {
        return latencyMicros;
    }

    public Map<String, Long> dlqReasons() {
        return dlqReasons;
    }

    public Throwable failure() {
        return failure;
    }
}
