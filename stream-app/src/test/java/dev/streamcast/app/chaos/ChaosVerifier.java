package dev.streamcast.app.chaos;

import dev.streamcast.app.model.ServingModel;
import dev.streamcast.app.replay.OfflineReplay;
import dev.streamcast.app.topology.DeadLetters;
import dev.streamcast.app.topology.TopologySettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The verifier, after Kafka's own exactly-once system test: recompute what must have come out from the committed
 * input, then compare record by record with what was committed on {@code forecasts} and the dead-letter topic
 * (read_committed). Input order per key is partition order, so the expected outcome of every input record comes from
 * an {@link OfflineReplay} of each partition from its first offset.
 */
final class ChaosVerifier {

    /** What the input says must come out. */
    record Expected(Map<String, byte[]> forecasts, Map<String, Refusal> refusals, long inputs) {
    }

    record Refusal(String reason, byte[] key, byte[] value) {
    }

    private ChaosVerifier() {
    }

    static String forecastKey(String series, long ts) {
        return series + "\u0000" + ts;
    }

    static String sourceKey(int partition, long offset) {
        return partition + "@" + offset;
    }

    /** Reads the whole input topic and replays it under one fixed model. */
    static Expected expected(String bootstrap, String topic, TopologySettings settings, ServingModel model) {
        return expected(bootstrap, topic, settings, model, o -> model);
    }

    /** Reads the whole input topic and replays it, each accepted point under the model {@code modelFor} gives. */
    static Expected expected(String bootstrap, String topic, TopologySettings settings, ServingModel model,
                             java.util.function.Function<dev.streamcast.app.record.Observation, ServingModel> modelFor) {
        Map<String, byte[]> forecasts = new HashMap<>();
        Map<String, Refusal> refusals = new HashMap<>();
        long inputs = 0;
        OfflineReplay replay = new OfflineReplay(settings, model);
        for (List<ConsumerRecord<byte[], byte[]>> partition : readAllByPartition(bootstrap, topic, "read_uncommitted")) {
            for (ConsumerRecord<byte[], byte[]> r : partition) {
                inputs++;
                OfflineReplay.Outcome o = replay.apply(r.key(), r.value(), modelFor);
                if (o instanceof OfflineReplay.Forecasted f) {
                    byte[] before = forecasts.put(forecastKey(f.series(), f.ts()), f.value());
                    if (before != null) {
                        throw new IllegalStateException("the replay accepted two points at one (series, ts)");
                    }
                } else if (o instanceof OfflineReplay.Refused x) {
                    refusals.put(sourceKey(r.partition(), r.offset()), new Refusal(x.reason().code(), r.key(),
                            r.value()));
                }
            }
        }
        return new Expected(forecasts, refusals, inputs);
    }

    /** Compares the committed output with the expectation; returns every discrepancy found (empty = verified). */
    static List<String> compare(Expected expected, List<ConsumerRecord<byte[], byte[]>> forecastRecords,
                                List<ConsumerRecord<byte[], byte[]>> deadLetters, String inputTopic) {
        List<String> problems = new ArrayList<>();
        Map<String, List<byte[]>> actual = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : forecastRecords) {
            String series = r.key() == null ? "<null>" : new String(r.key(), StandardCharsets.UTF_8);
            long ts = ForecastTs.of(r.value());
            actual.computeIfAbsent(forecastKey(series, ts), k -> new ArrayList<>()).add(r.value());
        }
        for (Map.Entry<String, byte[]> e : expected.forecasts().entrySet()) {
            List<byte[]> got = actual.getOrDefault(e.getKey(), List.of());
            String where = e.getKey().replace('\u0000', '@');
            if (got.isEmpty()) {
                problems.add("missing forecast for " + where);
            } else if (got.size() > 1) {
                problems.add(got.size() + " forecasts (doubled) for " + where);
            } else if (!Arrays.equals(got.get(0), e.getValue())) {
                problems.add("forecast for " + where + " differs from the offline replay:\n   live:   "
                        + new String(got.get(0), StandardCharsets.UTF_8) + "\n   replay: "
                        + new String(e.getValue(), StandardCharsets.UTF_8));
            }
        }
        for (Map.Entry<String, List<byte[]>> e : actual.entrySet()) {
            if (!expected.forecasts().containsKey(e.getKey())) {
                problems.add(e.getValue().size() + " forecast(s) for " + e.getKey().replace('\u0000', '@')
                        + " which the replay does not accept");
            }
        }
        Map<String, List<ConsumerRecord<byte[], byte[]>>> dead = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : deadLetters) {
            String topic = header(r, DeadLetters.TOPIC);
            if (!inputTopic.equals(topic)) {
                problems.add("dead letter at dlq offset " + r.offset() + " names source topic " + topic);
                continue;
            }
            String key = sourceKey(Integer.parseInt(header(r, DeadLetters.PARTITION)),
                    Long.parseLong(header(r, DeadLetters.OFFSET)));
            dead.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, Refusal> e : expected.refusals().entrySet()) {
            List<ConsumerRecord<byte[], byte[]>> got = dead.getOrDefault(e.getKey(), List.of());
            if (got.size() != 1) {
                problems.add(got.size() + " dead letters for input " + e.getKey() + " (expected one, reason "
                        + e.getValue().reason() + ")");
                continue;
            }
            ConsumerRecord<byte[], byte[]> r = got.get(0);
            if (!e.getValue().reason().equals(header(r, DeadLetters.REASON))) {
                problems.add("dead letter for input " + e.getKey() + " says " + header(r, DeadLetters.REASON)
                        + ", the replay says " + e.getValue().reason());
            }
            if (!Arrays.equals(e.getValue().key(), r.key()) || !Arrays.equals(e.getValue().value(), r.value())) {
                problems.add("dead letter for input " + e.getKey() + " does not carry the original bytes");
            }
        }
        for (Map.Entry<String, List<ConsumerRecord<byte[], byte[]>>> e : dead.entrySet()) {
            if (!expected.refusals().containsKey(e.getKey())) {
                problems.add(e.getValue().size() + " dead letter(s) for input " + e.getKey()
                        + " which the replay accepts (reason " + header(e.getValue().get(0), DeadLetters.REASON) + ")");
            }
        }
        return problems;
    }

    /** (series, ts) -> the model version each committed forecast names. */
    static Map<String, Integer> versions(List<ConsumerRecord<byte[], byte[]>> forecasts) {
        Map<String, Integer> out = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : forecasts) {
            try {
                com.fasterxml.jackson.databind.JsonNode f = ForecastTs.JSON.readTree(r.value());
                out.put(forecastKey(f.get("series").asText(), f.get("ts").asLong()), f.get("model_version").asInt());
            } catch (Exception e) {
                out.put(forecastKey("<unreadable>", r.offset()), -1);
            }
        }
        return out;
    }

    /** Within every series, in event-time order, the model version never goes back. */
    static List<String> versionsNeverGoBack(Map<String, Integer> versions) {
        Map<String, java.util.TreeMap<Long, Integer>> bySeries = new HashMap<>();
        versions.forEach((k, v) -> {
            int cut = k.indexOf('\u0000');
            bySeries.computeIfAbsent(k.substring(0, cut), s -> new java.util.TreeMap<>())
                    .put(Long.parseLong(k.substring(cut + 1)), v);
        });
        List<String> problems = new ArrayList<>();
        bySeries.forEach((series, byTs) -> {
            int last = Integer.MIN_VALUE;
            for (Map.Entry<Long, Integer> e : byTs.entrySet()) {
                if (e.getValue() < last) {
                    problems.add("series " + series + " went back from model version " + last + " to "
                            + e.getValue() + " at ts " + e.getKey());
                }
                last = Math.max(last, e.getValue());
            }
        });
        return problems;
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Every record of the topic up to its current end, per partition in offset order. */
    static List<List<ConsumerRecord<byte[], byte[]>>> readAllByPartition(String bootstrap, String topic,
                                                                          String isolation) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, isolation)) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> got = new HashMap<>();
            parts.forEach(p -> got.put(p, new ArrayList<>()));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    got.get(new TopicPartition(r.topic(), r.partition())).add(r);
                }
            }
            List<List<ConsumerRecord<byte[], byte[]>>> out = new ArrayList<>();
            parts.forEach(p -> out.add(got.get(p)));
            return out;
        }
    }

    /**
     * Reads committed records of {@code topic} from the beginning until {@code count} have arrived or none has
     * arrived for {@code timeout}, then keeps reading for {@code settle} to catch any that arrive beyond the count (doubles).
     */
    static List<ConsumerRecord<byte[], byte[]>> readCommitted(String bootstrap, String topic, long count,
                                                              Duration timeout, Duration settle,
                                                              BooleanSupplier stillUseful) {
        List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, "read_committed")) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            // Wait while output keeps arriving (a loaded machine may lag far behind the input), but give up
            // after `timeout` without a single new record, or ten times that in all.
            long start = System.nanoTime();
            long lastProgress = start;
            while (got.size() < count && stillUseful.getAsBoolean()) {
                long now = System.nanoTime();
                if (now - lastProgress > timeout.toNanos() || now - start > 10 * timeout.toNanos()) {
                    break;
                }
                int before = got.size();
                c.poll(Duration.ofMillis(200)).forEach(got::add);
                if (got.size() > before) {
                    lastProgress = System.nanoTime();
                }
            }
            long until = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < until) {
                c.poll(Duration.ofMillis(200)).forEach(got::add);
            }
        }
        got.sort(Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset));
        return got;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, String topic) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
        return infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String isolation) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The {@code ts} of a forecast value, read without trusting anything else in it. */
    static final class ForecastTs {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();

        static long of(byte[] value) {
            try {
                return JSON.readTree(value).get("ts").asLong();
            } catch (Exception e) {
                return Long.MIN_VALUE;
            }
        }
    }
}
