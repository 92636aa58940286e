package dev.streamcast.app.state;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
            s.hidden[i] = Math.sin(i) * 1e-3;
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
        assertEquals(0.2, oldestFirst[0], 1e-15);
        assertEquals(0.5, oldestFirst[3], 1e-15);
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
        for (byte old = 2; old < SeriesStateSerde.FORMAT; old++) {
            byte[] older = SeriesStateSerde.encode(new SeriesState(0, 2, 5));
            older[0] = old;
            assertThrows(SerializationException.class, () -> SeriesStateSerde.decode(older),
                    "format " + old + " (a smaller bank, no error model) is refused");
        }
    }
}
