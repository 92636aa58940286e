package dev.streamcast.loadgen.bench;

import dev.streamcast.loadgen.produce.ClientSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest event time already on a topic: the largest top-level {@code ts} among the last records of each of its
 * partitions. A forecaster that read them keeps each series' last ts and refuses older ones, so a bench that starts
 * at "now" must start after this.
 */
public final class LastEventTime {

    /** Records read from the end of each partition: faulty ones (late, malformed) among the last are passed over. */
    static final int TAIL = 200;
    /** 9999-12-31T23:59:59.999Z, the last instant ISO-8601 writes with four-digit years. */
    static final long MAX_TS = 253_402_300_799_999L;

    private LastEventTime() {
    }

    /** The latest event time on {@code topic}, empty when it does not exist or holds no readable event. */
    public static Optional<Instant> of(ClientSettings client, String topic, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(client.byteConsumer("load-generator-last-event-time",
                Map.of("allow.auto.create.topics", "false")))) {
            List<PartitionInfo> info = c.partitionsFor(topic, timeout);
            if (info == null || info.isEmpty()) {
                return Optional.empty();
            }
            List<TopicPartition> parts = info.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
            Map<TopicPartition, Long> begin = c.beginningOffsets(parts, timeout);
            for (TopicPartition tp : parts) {
                c.seek(tp, Math.max(begin.get(tp), end.get(tp) - TAIL));
            }
            long latest = Long.MIN_VALUE;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(c, parts, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the end of " + topic + " within " + timeout
                            + " to find its latest event time; give --start an explicit time");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    long ts = r.value() == null ? Long.MIN_VALUE : ForecastParser.parse(r.value()).ts();
                    if (ts <= MAX_TS) { // a dead-lettered record may carry any number
                        latest = Math.max(latest, ts);
                    }
                }
            }
            return latest == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest));
        } catch (KafkaException e) {
            return Optional.empty(); // no answer: the run itself reports the cluster's trouble, more clearly
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> c, List<TopicPartition> parts, Map<TopicPartition, Long> end) {
        for (TopicPartition tp : parts) {
            if (c.position(tp) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a run asked to start at {@code now} starts: the current minute, or the minute after {@code latest} when
     * that is later.
     */
    public static Instant startAfter(Instant now, Optional<Instant> latest) {
        Instant minute = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), 60_000L));
        if (latest.isEmpty() || latest.get().isBefore(minute)) {
            return minute;
        }
        long next = latest.get().toEpochMilli() + 60_000L;
        return Instant.ofEpochMilli(next - Math.floorMod(next, 60_000L));
    }
}
