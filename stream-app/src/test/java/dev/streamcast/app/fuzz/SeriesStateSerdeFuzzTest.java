package dev.streamcast.app.fuzz;

import dev.streamcast.app.state.SeriesState;
import dev.streamcast.app.state.SeriesStateSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link SeriesStateSerde#decode} on hostile bytes (random, truncated, bit-flipped, lengths set to huge or negative
 * values) either returns a state or throws {@link SerializationException}: never another exception and never an
 * {@link Error} such as an out-of-memory from a forged length. Random valid states round-trip exactly.
 */
class SeriesStateSerdeFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 0x5e7de5L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 20_000);

    @Test
    void randomBytesDecodeOrThrowSerializationException() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            byte[] b = new byte[rnd.nextInt(600)];
            rnd.nextBytes(b);
            if (b.length > 0 && rnd.nextBoolean()) {
                // so decoding goes past the first check, in either format it reads
                b[0] = rnd.nextBoolean() ? SeriesStateSerde.FORMAT : SeriesStateSerde.FORMAT_8;
            }
            decodeSafely(b, "random bytes, case " + i);
        }
    }

    @Test
    void mutatedValidEncodingsDecodeOrThrowSerializationException() {
        Random rnd = new Random(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            byte[] b = SeriesStateSerde.encode(randomState(rnd));
            String what;
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    b = Arrays.copyOf(b, rnd.nextInt(b.length));
                    what = "truncated";
                }
                case 1 -> {
                    for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                        b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    what = "bit flips";
                }
                case 2 -> {
                    // A forged int at a random aligned place: huge, negative or zero lengths and counters.
                    int[] forged = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1 << 28, 1 << 20};
                    int at = 1 + rnd.nextInt(Math.max(1, b.length - 4));
                    ByteBuffer.wrap(b).putInt(at, forged[rnd.nextInt(forged.length)]);
                    what = "forged int at " + at;
                }
                default -> {
                    byte[] longer = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(64));
                    b = longer;
                    what = "trailing bytes";
                }
            }
            decodeSafely(b, what + ", case " + i);
        }
    }

    @Test
    void randomValidStatesRoundTrip() {
        Random rnd = new Random(SEED + 2);
        for (int i = 0; i < 2_000; i++) {
            SeriesState s = randomState(rnd);
            assertEquals(s, SeriesStateSerde.decode(SeriesStateSerde.encode(s)), "case " + i);
        }
    }

    private static void decodeSafely(byte[] b, String what) {
        try {
            SeriesStateSerde.decode(b);
        } catch (SerializationException expected) {
            // the one allowed failure
        } catch (Throwable t) {
            fail("decode threw " + t + " for " + what + " (" + b.length + " bytes)", t);
        }
    }

    static SeriesState randomState(Random rnd) {
        int window = 1 + rnd.nextInt(30);
        int errorWindow = 5 + rnd.nextInt(30);
        SeriesState s = new SeriesState(rnd.nextInt(40), window, errorWindow);
        s.count = rnd.nextInt(1_000_000);
        s.lastTs = rnd.nextLong();
        s.step = rnd.nextLong();
        s.lastValue = rnd.nextGaussian() * 1e6;
        s.ewms = Math.abs(rnd.nextGaussian());
        s.diffCount = rnd.nextInt(1000);
        s.pending = rnd.nextBoolean() ? Double.NaN : rnd.nextGaussian();
        s.modelVersion = rnd.nextInt(100);
        for (int i = 0; i < s.hidden.length; i++) {
            s.hidden[i] = (float) rnd.nextGaussian(); // kept at float precision
        }
        for (int i = rnd.nextInt(2 * window + 1); i > 0; i--) {
            s.pushInput(rnd.nextGaussian());
        }
        for (int i = rnd.nextInt(2 * errorWindow + 1); i > 0; i--) {
            s.pushError(Math.abs(rnd.nextGaussian()));
        }
        if (rnd.nextBoolean()) {
            int period = 2 + rnd.nextInt(13);
            s.initSeason(period, 0, 3);
            s.airline = new double[(1 + rnd.nextInt(5)) * (period + 1)];
            for (int i = 0; i < s.airline.length; i++) {
                s.airline[i] = rnd.nextGaussian();
            }
        }
        return s;
    }
}
