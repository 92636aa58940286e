package dev.streamcast.loadgen.produce;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamcast.loadgen.faults.FaultKind;
import dev.streamcast.loadgen.faults.FaultPlan;
import dev.streamcast.loadgen.series.RegimeShifts;
import dev.streamcast.loadgen.series.SyntheticSource;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The produce loop against a MockProducer: what goes on the wire, per fault kind. */
class ProduceLoopTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long START = 1_704_067_200_000L;

    /** A parsed value: null fields when absent; {@code valid} false when not a single JSON object. */
    record Parsed(boolean valid, Long ts, Double value, boolean hasValue, boolean valueNull, Long seq) {
    }

    static Parsed parse(byte[] bytes) {
        Long ts = null;
        Double value = null;
        Long seq = null;
        boolean hasValue = false;
        boolean valueNull = false;
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Parsed(false, null, null, false, false, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "ts" -> ts = p.getLongValue();
                    case "seq" -> seq = p.getLongValue();
                    case "value" -> {
                        hasValue = true;
                        valueNull = t == JsonToken.VALUE_NULL;
                        value = valueNull ? null : p.getDoubleValue();
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return new Parsed(false, null, null, false, false, null);
            }
            return new Parsed(true, ts, value, hasValue, valueNull, seq);
        } catch (IOException e) {
            return new Parsed(false, null, null, false, false, null);
        }
    }

    record Run(List<ProducerRecord<byte[], byte[]>> records, ProduceStats stats, List<long[]> expected) {
    }

    static Run run(Map<FaultKind, Double> fractions, long count) {
        SyntheticSource source = new SyntheticSource(new SyntheticSource.Settings(50, 0.3, 3, START, 60_000, 1_000,
                0.01, 0.3, RegimeShifts.none()));
        FaultPlan plan = new FaultPlan(fractions, 3);
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        List<long[]> expected = new ArrayList<>();
        SendListener listener = new SendListener() {
            @Override
            public void sending(int series, long ts, boolean expectForecast, long nanos) {
                if (expectForecast) {
                    expected.add(new long[] {series, ts});
                }
            }

            @Override
            public void failed(int series, long ts, boolean expectForecast) {
            }
        };
        ProduceStats stats = new ProduceStats();
        new ProduceLoop(source, plan, new RecordEncoder(false, 2000, plan), producer, "obs",
                new ProduceLoop.Limits(0, count, 0), stats, listener).run();
        return new Run(producer.history(), stats, expected);
    }

    @Test
    void cleanRecordsAreValidJsonWithStrictlyIncreasingTsAndSeqPerKey() {
        Run r = run(Map.of(), 5000);
        assertEquals(5000, r.records().size());
        assertEquals(5000, r.stats().acked());
        assertEquals(5000, r.stats().expectedForecasts());
        Map<String, long[]> last = new HashMap<>();
        for (ProducerRecord<byte[], byte[]> rec : r.records()) {
            Parsed p = parse(rec.value());
            assertTrue(p.valid(), new String(rec.value(), StandardCharsets.UTF_8));
            assertNotNull(p.ts());
            assertNotNull(p.value());
            Header sent = rec.headers().lastHeader(ProduceLoop.SENT_MS_HEADER);
            assertTrue(Long.parseLong(new String(sent.value(), StandardCharsets.US_ASCII)) > START);
            String key = new String(rec.key(), StandardCharsets.UTF_8);
            long[] prev = last.put(key, new long[] {p.ts(), p.seq()});
            if (prev != null) {
                assertTrue(p.ts() > prev[0]);
                assertEquals(prev[1] + 1, p.seq());
            } else {
                assertEquals(0, p.seq());
            }
        }
        assertEquals(50, last.size());
    }

    @Test
    void faultsAppearAtTheirFractionsAndValidTsStillIncrease() {
        Map<FaultKind, Double> f = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            if (k != FaultKind.NONE) {
                f.put(k, 0.02);
            }
        }
        int n = 40_000;
        Run r = run(f, n);
        assertEquals(n, r.records().size());
        for (FaultKind k : FaultKind.values()) {
            if (k == FaultKind.NONE) {
                continue;
            }
            double sd = Math.sqrt(n * 0.02 * 0.98);
            assertEquals(0.02 * n, r.stats().count(k), 5 * sd + 60, k.toString()); // LATE/DUP lose the first pass
        }
        Map<String, Long> lastValid = new HashMap<>();
        int expected = 0;
        for (ProducerRecord<byte[], byte[]> rec : r.records()) {
            Header h = rec.headers().lastHeader(ProduceLoop.FAULT_HEADER);
            FaultKind kind = h == null ? FaultKind.NONE
                    : FaultKind.valueOf(new String(h.value(), StandardCharsets.US_ASCII).toUpperCase().replace('-', '_'));
            Parsed p = parse(rec.value());
            String key = new String(rec.key(), StandardCharsets.UTF_8);
            Long prev = lastValid.get(key);
            switch (kind) {
                case NONE, GAP -> {
                    assertTrue(p.valid() && p.ts() != null && p.hasValue());
                    assertEquals(kind == FaultKind.GAP, p.valueNull());
                    assertTrue(kind != FaultKind.GAP || prev != null, "a gap never opens a series");
                    assertTrue(prev == null || p.ts() > prev, "valid ts must increase");
                    lastValid.put(key, p.ts());
                    expected++;
                }
                case LATE -> assertTrue(p.valid() && p.ts() < prev);
                case DUPLICATE -> assertEquals(prev, p.ts());
                case MALFORMED -> assertFalse(p.valid());
                case MISSING_FIELD -> assertTrue(p.valid() && p.ts() == null && p.hasValue());
                case NON_FINITE -> assertTrue(p.valid() && Double.isInfinite(p.value()));
                case OVERSIZED -> assertTrue(p.valid() && rec.value().length >= 2000);
                case BAD_KEY -> assertTrue(rec.key().length == 0 || rec.key().length > 256);
                default -> throw new AssertionError(kind);
            }
        }
        assertEquals(expected, r.stats().expectedForecasts());
        assertEquals(expected, r.expected().size());
    }

    @Test
    void theSameSeedSendsTheSameBytes() {
        Map<FaultKind, Double> f = Map.of(FaultKind.MALFORMED, 0.05, FaultKind.LATE, 0.05);
        Run a = run(f, 3000);
        Run b = run(f, 3000);
        for (int i = 0; i < 3000; i++) {
            assertEquals(new String(a.records().get(i).value(), StandardCharsets.UTF_8),
                    new String(b.records().get(i).value(), StandardCharsets.UTF_8));
        }
    }
}
