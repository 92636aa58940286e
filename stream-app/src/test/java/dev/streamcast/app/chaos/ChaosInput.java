package dev.streamcast.app.chaos;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chaos test's input, produced at a steady rate by an idempotent producer: {@code keys} series, each with
 * {@code events} points carrying a per-key sequence number ({@code seq}, ts = start + seq minutes, a seeded random
 * walk), about 4% of them hostile: duplicates, out-of-order points, gaps, malformed and non-finite values. What must
 * come out is not taken from here but recomputed from the input topic by the verifier.
 */
final class ChaosInput extends Thread {

    private static final long START = 1_700_000_000_000L;
    private static final long STEP = 60_000L;

    private final String bootstrap;
    private final String topic;
    private final int keys;
    private final int events;
    private final int rate;
    private final Random rnd;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    ChaosInput(String bootstrap, String topic, int keys, int events, int rate, long seed) {
        super("chaos-input");
        setDaemon(true);
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.keys = keys;
        this.events = events;
        this.rate = rate;
        this.rnd = new Random(seed ^ 0x1A9D7L);
    }

    long sent() {
        return sent.get();
    }

    Exception failure() {
        return failure.get();
    }

    double progress() {
        return sent.get() / (double) ((long) keys * events);
    }

    @Override
    public void run() {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        double[] level = new double[keys];
        long begin = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int seq = 0; seq < events; seq++) {
                for (int k = 0; k < keys; k++) {
                    if (isInterrupted()) {
                        return;
                    }
                    level[k] += rnd.nextGaussian() + Math.sin(seq / 7.0 + k);
                    String key = String.format(Locale.ROOT, "series-%04d", k);
                    send(p, key, value(seq, level[k]));
                    throttle(begin);
                }
            }
            p.flush();
        } catch (Exception e) {
            if (!isInterrupted()) {
                failure.set(e);
            }
        }
    }

    private String value(int seq, double level) {
        long ts = START + seq * STEP;
        int r = rnd.nextInt(100);
        if (seq > 2 && r == 0) {
            return "{\"seq\":" + seq + ",\"ts\":" + (ts - STEP) + ",\"value\":" + level + "}";        // duplicate
        } else if (seq > 5 && r == 1) {
            return "{\"seq\":" + seq + ",\"ts\":" + (ts - 5 * STEP) + ",\"value\":" + level + "}";    // out of order
        } else if (r == 2) {
            return "{\"seq\":" + seq + ",\"ts\":" + ts + ",\"value\":null}";                          // gap
        } else if (r == 3) {
            return rnd.nextBoolean() ? "{\"seq\":" + seq + ",\"ts\":" : "{\"seq\":" + seq + ",\"ts\":" + ts
                    + ",\"value\":\"NaN\"}";                                                           // refused
        }
        return "{\"seq\":" + seq + ",\"ts\":" + ts + ",\"value\":" + level + "}";
    }

    private void send(KafkaProducer<byte[], byte[]> p, String key, String value) {
        p.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
        sent.incrementAndGet();
    }

    private void throttle(long begin) {
        long due = begin + (long) (sent.get() * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) {
            try {
                Thread.sleep(wait / 1_000_000);
            } catch (InterruptedException e) {
                interrupt();
            }
        }
    }
}
