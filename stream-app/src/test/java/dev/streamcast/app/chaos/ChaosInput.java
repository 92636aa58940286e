package dev.streamcast.app.chaos;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chaos test's input, produced at a steady rate by an idempotent producer: {@code keys} series, each with
 * {@code events} points carrying a per-key sequence number ({@code seq}, ts = start + seq minutes, a seeded random
 * walk), about 4% of them hostile: duplicates, out-of-order points, gaps, malformed and non-finite values. What must
 * come out is not taken from here but recomputed from the input topic by the verifier.
 *
 * <p>The input is scaffolding, not the system under test: a record the producer could not deliver across a broker
 * SIGKILL (an expired batch, a producer fenced by its own lost state) is sent again by a new producer instead of
 * failing the run. The verifier reads the input topic as it is, so a resend that lands twice or out of order is just
 * more hostile input. Only records still undelivered after {@link #ROUNDS} producers fail the run.
 */
final class ChaosInput extends Thread {

    private static final long START = 1_700_000_000_000L;
    private static final long STEP = 60_000L;
    private static final int ROUNDS = 5;

    private final String bootstrap;
    private final String topic;
    private final int keys;
    private final int events;
    private final int rate;
    private final Random rnd;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Queue<Undelivered> undelivered = new ConcurrentLinkedQueue<>();

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

    /** Distinct records handed to a producer (resends not counted). */
    long sent() {
        return sent.get();
    }

    /** Records sent again after a producer failed to deliver them. */
    long resent() {
        return resent.get();
    }

    Exception failure() {
        return failure.get();
    }

    double progress() {
        return sent.get() / (double) ((long) keys * events);
    }

    @Override
    public void run() {
        double[] level = new double[keys];
        long begin = System.nanoTime();
        KafkaProducer<byte[], byte[]> p = producer();
        try {
            for (int seq = 0; seq < events; seq++) {
                for (int k = 0; k < keys; k++) {
                    if (isInterrupted()) {
                        return;
                    }
                    if (!undelivered.isEmpty()) {
                        p = replace(p);
                    }
                    level[k] += rnd.nextGaussian() + Math.sin(seq / 7.0 + k);
                    String key = String.format(Locale.ROOT, "series-%04d", k);
                    send(p, key.getBytes(StandardCharsets.UTF_8),
                            value(seq, level[k]).getBytes(StandardCharsets.UTF_8));
                    sent.incrementAndGet();
                    throttle(begin);
                }
            }
            p.flush();
            for (int round = 1; !undelivered.isEmpty() && round <= ROUNDS; round++) {
                p = replace(p);
                p.flush();
            }
            Undelivered left = undelivered.peek();
            if (left != null) {
                failure.set(new IllegalStateException(undelivered.size() + " records still undelivered after "
                        + ROUNDS + " producers", left.cause()));
            }
        } catch (Exception e) {
            if (!isInterrupted()) {
                failure.set(e);
            }
        } finally {
            p.close(Duration.ofSeconds(10));
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        // A batch that cannot be delivered fails after two minutes and is resent, rather than stalling the run for
        // the ten minutes an unbounded wait could take.
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Closes a producer that lost records, then sends them again with a new one. */
    private KafkaProducer<byte[], byte[]> replace(KafkaProducer<byte[], byte[]> old) {
        old.close(Duration.ofSeconds(30));
        List<Undelivered> again = new ArrayList<>();
        for (Undelivered u; (u = undelivered.poll()) != null; ) {
            again.add(u);
        }
        System.out.println("[chaos] input: " + again.size() + " undelivered records sent again by a new producer ("
                + again.get(0).cause() + ")");
        KafkaProducer<byte[], byte[]> fresh = producer();
        for (Undelivered u : again) {
            send(fresh, u.key(), u.value());
            resent.incrementAndGet();
        }
        return fresh;
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

    private void send(KafkaProducer<byte[], byte[]> p, byte[] key, byte[] value) {
        try {
            p.send(new ProducerRecord<>(topic, key, value), (md, e) -> {
                if (e != null) {
                    undelivered.add(new Undelivered(key, value, e));
                }
            });
        } catch (KafkaException e) { // no metadata in time, or a producer that failed for good
            undelivered.add(new Undelivered(key, value, e));
        }
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

    private record Undelivered(byte[] key, byte[] value, Exception cause) {
    }
}
