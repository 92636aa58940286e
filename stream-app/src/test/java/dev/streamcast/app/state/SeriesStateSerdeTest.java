package dev.streamcast.app.state;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesStateSerdeTest {

    @Test
    void roundTripsEveryField() {
        SeriesState s = new SeriesState(5, 4, 6);
        s.count = 42;
        s.lastTs = -12345L;
        s.step = 60_000L;
        s.lastValue = 3.25;
        s.ewms = 0.5;
        s.diffCount = 41;
        s.pending = 3.5;
        s.modelVersion = 7;
        for (int i = 0; i < 5; i++) {
            s.hidden[i] = (float) (Math.sin(i) * 1e-3); // hidden states and inputs are kept as floats
        }
        for (int i = 0; i < 6; i++) {
            s.pushInput(i * 0.1);
            s.pushError(i * 0.2);
        }
        s.initSeason(6, 3, 2);
        s.season[1] = 0.75f;
        s.firstCycleSum = 12.5;
        s.initSmoothing(4, 3);
        for (int i = 0; i < 4; i++) {
            s.level[i] = i + 0.5;
            s.trend[i] = -i * 0.25;
            s.rank[i] = i * 0.125;
        }
        s.errorModel[2] = -0.375;
        SeriesState back = SeriesStateSerde.decode(SeriesStateSerde.encode(s));
        assertEquals(s, back);
        double[] oldestFirst = new double[4];
        back.inputsOldestFirst(oldestFirst);
        assertEquals(0.2, oldestFirst[0], 1e-7);
        assertEquals(0.5, oldestFirst[3], 1e-7);
    }

    /** A bank whose candidates repeat (twins) and end in unused zeros is stored folded and comes back whole. */
    @Test
    void foldsARepeatingBankAndUnfoldsItExactly() {
        SeriesState s = new SeriesState(2, 3, 5);
        s.initSmoothing(12, 2);
        for (int c = 0; c < 8; c++) {
            s.level[c] = 10 + c % 2;
            s.trend[c] = c % 2 == 0 ? -0.0 : 0.125;
            s.rank[c] = 0.5 * (c % 2);
        }
        assertEquals(8, SeriesStateSerde.filledLength(s), "candidates 8..11 are all +0.0");
        assertEquals(2, SeriesStateSerde.repeatLength(s, 8));
        byte[] folded = SeriesStateSerde.encode(s);
        assertEquals(s, SeriesStateSerde.decode(folded));

        s.rank[7] = 0.25; // breaks the repetition: stored in full up to the zeros
        assertEquals(8, SeriesStateSerde.repeatLength(s, 8));
        byte[] unfolded = SeriesStateSerde.encode(s);
        assertEquals(s, SeriesStateSerde.decode(unfolded));
        assertEquals((6 + 6 + 3) * 8, unfolded.length - folded.length,
                "the folded form stored 2 candidates instead of 8: 6 levels, 6 trends and 3 non-zero ranks fewer");

        s.trend[9] = Double.MIN_VALUE; // not zero: the tail is kept
        assertEquals(10, SeriesStateSerde.filledLength(s));
        assertEquals(s, SeriesStateSerde.decode(SeriesStateSerde.encode(s)));
    }

    @Test
    void roundTripsTheAirlineRingsOfASingleSeason() {
        SeriesState s = new SeriesState(0, 2, 5);
        s.initSeason(3, 0, 2);
        s.initSmoothing(4, 3);
        s.airline = new double[3 * 4];
        s.airline[5] = -1.5;
        assertEquals(s, SeriesStateSerde.decode(SeriesStateSerde.encode(s)));
    }

    @Test
    void refusesAirlineRingsThatDoNotFitTheSeason() {
        SeriesState s = new SeriesState(0, 2, 5);
        s.initSeason(3, 0, 2);
        s.airline = new double[3 * 4 + 1];
        assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(SeriesStateSerde.encode(s)));
        SeriesState noSeason = new SeriesState(0, 2, 5);
        noSeason.airline = new double[4];
        assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(SeriesStateSerde.encode(noSeason)));
        SeriesState inner = new SeriesState(0, 2, 5);
        inner.initSeason(6, 3, 2);
        inner.airline = new double[7];
        assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(SeriesStateSerde.encode(inner)),
                "a double season has no airline candidates");
    }

    /** A young series' rings are mostly empty: their zero tails are not stored. */
    @Test
    void storesRingsWithoutTheirZeroTails() {
        SeriesState young = new SeriesState(4, 24, 100);
        young.pushInput(0.5);
        young.pushError(0.25);
        SeriesState empty = new SeriesState(4, 24, 100);
        assertEquals(4 + 2, SeriesStateSerde.encode(young).length - SeriesStateSerde.encode(empty).length,
                "one float input and one 16-bit error");
        young.hidden[3] = -0.0; // not +0.0: kept
        SeriesState back = SeriesStateSerde.decode(SeriesStateSerde.encode(young));
        assertEquals(young, back);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.hidden[3]));
        for (int i = 0; i < 30; i++) {
            young.pushInput(i + 1);
            young.pushError(i);
        }
        assertEquals(young, SeriesStateSerde.decode(SeriesStateSerde.encode(young)));
    }

    /** Scored errors keep 0.2% precision over a float's range; what is pushed is what comes back. */
    @Test
    void scoredErrorsAreKeptAtTheirStoredPrecision() {
        SeriesState s = new SeriesState(0, 2, 5);
        double[] errors = {0, 1e-30, 0.123456789, 1, 3.14159, 1e6, 3e38};
        for (double e : errors) {
            float kept = ScoredErrors.round(e);
            assertEquals(e, kept, e * 0.002 + 1e-45, "relative precision 2^-9 for " + e);
            assertEquals(kept, ScoredErrors.round(kept), "rounding twice changes nothing");
        }
        assertEquals(0f, ScoredErrors.round(-1.0));
        assertEquals(0f, ScoredErrors.round(Double.NaN));
        assertEquals(Float.MAX_VALUE, ScoredErrors.round(Double.POSITIVE_INFINITY), Float.MAX_VALUE * 0.002);
        s.pushError(0.123456789);
        assertEquals(ScoredErrors.round(0.123456789), s.errors[0]);
        assertEquals(s, SeriesStateSerde.decode(SeriesStateSerde.encode(s)));
    }

    @Test
    void refusesCorruptBytes() {
        assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(new byte[] {9, 1, 2}));
        assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(new byte[] {1, 1, 2}));
        assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(new byte[] {2, 1, 2}));
        byte[] format1 = SeriesStateSerde.encode(new SeriesState(0, 2, 5));
        format1[0] = 1;
        assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(format1),
                "format 1 (differences as inputs) is refused");
        for (byte old = 2; old < SeriesStateSerde.FORMAT_8; old++) {
            byte[] older = SeriesStateSerde.encode(new SeriesState(0, 2, 5));
            older[0] = old;
            assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(older),
                    "format " + old + " (a smaller bank: no airline candidates) is refused");
        }
        SeriesState s = new SeriesState(0, 2, 5);
        s.initSmoothing(4, 0);
        s.level[0] = 1;
        byte[] bytes = SeriesStateSerde.encode(s);
        // the record ends with the bank's lengths (candidates 4, stored 1, filled 1, error model 0: one varint
        // byte each), its level (a bitmap byte and one double), trend and rank (a zero bitmap byte each) and the
        // airline rings' length (format 9: the season started with the series)
        int bank = bytes.length - 1 - 2 - 9 - 4;
        assertEquals(8, bytes[bank], "zigzag varint of 4 candidates");
        assertEquals(s, SeriesStateSerde.decode(bytes));
        bytes[bank + 2] = 10; // filled: 5
        assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(bytes), "filled beyond the bank");
    }

    /** Records of format 9 (committed, written before the season's start was kept) are read with it at 0. */
    @Test
    void readsFormat9Records() throws Exception {
        assertReadsBack("/state/format9-records.txt", SeriesStateSerde.FORMAT_9);
    }

    /**
     * The season's start round-trips, and one a restart cannot leave (fewer than two points before the last) is
     * refused. A state whose season started with the series is written in format 9, which builds before format 10
     * read.
     */
    @Test
    void roundTripsTheSeasonStart() {
        SeriesState s = SampleStates.singleSeason();
        assertEquals(SeriesStateSerde.FORMAT_9, SeriesStateSerde.encode(s)[0]);
        s.seasonStart = s.count - 3;
        byte[] bytes = SeriesStateSerde.encode(s);
        assertEquals(SeriesStateSerde.FORMAT, bytes[0]);
        assertEquals(s, SeriesStateSerde.decode(bytes));
        s.seasonStart = s.count - 1L; // a restart leaves at least two points after the season's start
        byte[] beyond = SeriesStateSerde.encode(s);
        assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(beyond));
    }

    /** Records written by an earlier release (format 8, committed) are read back whole: an upgrade loses none. */
    @Test
    void readsFormat8Records() throws Exception {
        assertReadsBack("/state/format8-records.txt", SeriesStateSerde.FORMAT_8);
    }

    /** The committed records in {@code resource}, all of {@code format}, decode to the sample states and back. */
    private static void assertReadsBack(String resource, byte format) throws Exception {
        Map<String, SeriesState> expected = Map.of("young", SampleStates.young(),
                "single-season", SampleStates.singleSeason(), "double-season", SampleStates.doubleSeason());
        Map<String, byte[]> records = records(resource);
        assertEquals(expected.keySet(), records.keySet());
        for (var e : expected.entrySet()) {
            byte[] old = records.get(e.getKey());
            assertEquals(format, old[0]);
            SeriesState read = SeriesStateSerde.decode(old);
            assertEquals(e.getValue(), read, e.getKey());
            assertEquals(0, read.seasonStart);
            assertEquals(read, SeriesStateSerde.decode(SeriesStateSerde.encode(read)), e.getKey() + " rewritten");
        }
    }

    /** The compact format against format 8, on the same states: a young series' record 30% smaller. */
    @Test
    void compactFormatIsSmallerThanFormat8() throws Exception {
        Map<String, byte[]> old = format8Records();
        int young = SeriesStateSerde.encode(SampleStates.young()).length;
        assertTrue(young < old.get("young").length * 0.7, young + " bytes against " + old.get("young").length);
        assertTrue(SeriesStateSerde.encode(SampleStates.singleSeason()).length < old.get("single-season").length);
        assertTrue(SeriesStateSerde.encode(SampleStates.doubleSeason()).length < old.get("double-season").length);
    }

    private static Map<String, byte[]> format8Records() throws Exception {
        return records("/state/format8-records.txt");
    }

    private static Map<String, byte[]> records(String resource) throws Exception {
        Map<String, byte[]> records = new HashMap<>();
        try (var in = SeriesStateSerdeTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String[] parts = line.trim().split(" ");
                records.put(parts[0], HexFormat.of().parseHex(parts[1]));
            }
        }
        return records;
    }
}
