package dev.streamcast.loadgen.series;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReplayParserTest {

    static ReplayData parse(String csv, boolean skip) throws IOException {
        return CsvReplayParser.parse(new StringReader(csv), skip);
    }

    @Test
    void readsIsoAndEpochTimestampsGapsAndQuotedIds() throws IOException {
        ReplayData d = parse("""
                series,ts,value
                DAX,1991-07-01T00:00:00Z,1628.75
                DAX,678326400000,
                "a,b",2024-01-01T01:00:00+01:00,-3.5e2
                co2,1959-01-01,315.42
                """, false);
        assertEquals(4, d.rows());
        assertEquals(java.util.List.of("DAX", "a,b", "co2"), d.keys());
        assertEquals(678_326_400_000L, d.ts()[0]);
        assertEquals(678_326_400_000L, d.ts()[1]);
        assertTrue(Double.isNaN(d.values()[1]), "empty value is a gap");
        assertEquals(1_704_067_200_000L, d.ts()[2]);
        assertEquals(-350.0, d.values()[2]);
        assertEquals(-347_155_200_000L, d.ts()[3]);
        assertEquals(0, d.skipped());
    }

    @Test
    void acceptsYearsBeforeZeroAndAByteOrderMark() throws IOException {
        ReplayData d = parse("\uFEFFseries,ts,value\nold,-0001-01-01T00:00:00Z,1\n", false);
        assertEquals(1, d.rows());
        assertTrue(d.ts()[0] < -62_167_219_200_000L);
    }

    @Test
    void badRowsFailWithLineAndReason() {
        ReplayFormatException e = assertThrows(ReplayFormatException.class,
                () -> parse("series,ts,value\na,1,2\na,yesterday,3\n", false));
        assertTrue(e.getMessage().startsWith("line 3: the ts 'yesterday'"), e.getMessage());

        e = assertThrows(ReplayFormatException.class, () -> parse("series,ts,value\na,1,abc\n", false));
        assertTrue(e.getMessage().contains("line 2: the value 'abc' is not a number"), e.getMessage());

        e = assertThrows(ReplayFormatException.class, () -> parse("series,ts,value\na,1,NaN\n", false));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());

        e = assertThrows(ReplayFormatException.class, () -> parse("series,ts,value\na,1\n", false));
        assertTrue(e.getMessage().contains("line 2: expected 3 fields"), e.getMessage());

        e = assertThrows(ReplayFormatException.class, () -> parse("series,ts,value\n,1,2\n", false));
        assertTrue(e.getMessage().contains("series id is empty"), e.getMessage());

        e = assertThrows(ReplayFormatException.class, () -> parse("id,time,v\na,1,2\n", false));
        assertTrue(e.getMessage().startsWith("line 1: expected the header"), e.getMessage());

        e = assertThrows(ReplayFormatException.class, () -> parse("", false));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void skippingKeepsGoodRowsAndCountsBadOnes() throws IOException {
        ReplayData d = parse("series,ts,value\na,1,2\na,zz,3\nb,5,\n\"open,6,1\n", true);
        assertEquals(2, d.rows());
        assertEquals(2, d.skipped());
        assertEquals(2, d.problems().size());
        assertTrue(d.problems().get(0).startsWith("line 3"));
        assertTrue(d.problems().get(1).contains("quoted field is not closed"));
    }

    @Test
    void aGapBeforeTheSeriesFirstValueIsNotAcceptable() throws IOException {
        ReplaySource s = new ReplaySource(parse("series,ts,value\na,1,\na,2,5\na,3,\n", false), 0, 1);
        Observation o = new Observation();
        s.next(o);
        assertTrue(o.gap);
        assertFalse(o.acceptable, "nothing to impute from yet");
        s.next(o);
        assertTrue(o.acceptable);
        s.next(o);
        assertTrue(o.gap && o.acceptable);
    }

    @Test
    void replaySendsInTsOrderAndFlagsRowsThatGoBackInTime() throws IOException {
        ReplayData d = parse("series,ts,value\na,3000,3\nb,1000,1\na,1000,1\na,2000,\na,2000,9\n", false);
        ReplaySource s = new ReplaySource(d, 1000, 2);
        Observation o = new Observation();
        long prev = Long.MIN_VALUE;
        int notAcceptable = 0;
        int rows = 0;
        while (s.next(o)) {
            assertTrue(o.ts >= prev, "ts order");
            prev = o.ts;
            rows++;
            notAcceptable += o.acceptable ? 0 : 1;
            assertEquals(o.ts - 1000, o.dueNanos / 1000, "1000x compression: 1 s of data per ms");
        }
        assertEquals(10, rows, "two passes");
        assertEquals(2, notAcceptable, "the repeated a@2000 in each pass");
        assertEquals(0, s.indexOf("a"));
        assertEquals(-1, s.indexOf("zzz"));
        assertEquals(1000, s.stepMillis(0));
        assertFalse(s.next(o));
    }
}
