package dev.streamcast.app.topology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which store holds a series: the cached one while its events come within a commit interval, else the other. */
class BusySeriesTest {

    @TempDir
    Path stateDir;

    @Test
    void theCommitIntervalComesFromTheStreamsSettings() {
        assertEquals(100, BusySeries.of(Map.of("processing.guarantee", "exactly_once_v2")).commitIntervalMs());
        assertEquals(30_000, BusySeries.of(Map.of("processing.guarantee", "at_least_once")).commitIntervalMs());
        assertEquals(30_000, BusySeries.of(Map.of()).commitIntervalMs(), "Kafka Streams' default guarantee");
        assertEquals(50, BusySeries.of(Map.of("processing.guarantee", "exactly_once_v2",
                "commit.interval.ms", "50")).commitIntervalMs());
    }

    @Test
    void aSeriesAtTheBorderStaysWhereItIs() {
        BusySeries rule = new BusySeries(100);
        assertTrue(rule.busy(false, 100), "within one interval: busy");
        assertFalse(rule.busy(false, 150), "a quiet series between one and two intervals stays quiet");
        assertTrue(rule.busy(true, 150), "a busy one stays busy");
        assertTrue(rule.busy(true, 200));
        assertFalse(rule.busy(true, 201), "beyond two intervals: quiet");
    }

    /** One stall of the application (500 ms) among 10 ms gaps does not move a busy series; a real slow-down does. */
    @Test
    void aStallDoesNotMoveABusySeriesButASlowDownDoes() {
        BusySeries rule = new BusySeries(100);
        float typical = Float.NaN;
        for (int i = 0; i < 20; i++) {
            typical = BusySeries.typicalGap(typical, 10);
        }
        assertEquals(10f, typical, 1e-3);
        float afterStall = BusySeries.typicalGap(typical, 500);
        assertTrue(rule.busy(true, afterStall), "typical gap " + afterStall + " ms after one stall");
        int slowEvents = 0;
        for (typical = afterStall; rule.busy(true, typical); slowEvents++) {
            typical = BusySeries.typicalGap(typical, 1700);
        }
        assertEquals(1, slowEvents, "gaps of 1.7 s (100,000 series at 60,000/s): quiet after one more");
        assertEquals(1700f, BusySeries.typicalGap(Float.NaN, 1700), "the first gap is the average");
    }

    @Test
    void seriesLiveInTheStoreTheirPaceCallsForAndForecastTheSame() {
        List<String> fastPace;
        List<String> slowPace;
        try (TopologyHarness fast = harness("fast")) {
            fastPace = run(fast, 10);
            // Events 10 ms apart (the driver's wall clock; a commit every 100 ms under exactly-once): busy.
            assertNotNull(fast.driver.getKeyValueStore(ForecastTopology.BUSY_SERIES_STORE).get("s"));
            assertNull(fast.driver.getKeyValueStore(ForecastTopology.SERIES_STORE).get("s"));

            for (int i = 40; i < 44; i++) {
                fast.driver.advanceWallClockTime(Duration.ofSeconds(1));
                fast.point("s", i * 60_000L, 5.0 + i % 7);
            }
            assertNull(fast.driver.getKeyValueStore(ForecastTopology.BUSY_SERIES_STORE).get("s"),
                    "a second between events, four times: moved out of the cached store");
            assertNotNull(fast.driver.getKeyValueStore(ForecastTopology.SERIES_STORE).get("s"));
            String metrics = fast.metrics.scrape();
            assertTrue(metrics.contains("streamcast_state_moved_total{to=\"quiet\"} 1.0"), metrics);
            assertTrue(metrics.contains("streamcast_state_moved_total{to=\"busy\"} 1.0"),
                    "a new series starts quiet and became busy at its second event");
        }
        try (TopologyHarness slow = harness("slow")) {
            slowPace = run(slow, 1000);
            assertNull(slow.driver.getKeyValueStore(ForecastTopology.BUSY_SERIES_STORE).get("s"));
            assertNotNull(slow.driver.getKeyValueStore(ForecastTopology.SERIES_STORE).get("s"));
        }
        assertEquals(slowPace, fastPace, "where the state lives changes no forecast");
    }

    /** Commits every 100 ms, as under exactly-once. */
    private TopologyHarness harness(String name) {
        Properties p = new Properties();
        p.put("commit.interval.ms", "100");
        return new TopologyHarness(TopologySettings.defaults(), stateDir.resolve(name), p);
    }

    /** 40 points of one series, {@code wallMs} apart on the wall clock; the forecasts' JSON. */
    private static List<String> run(TopologyHarness h, long wallMs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            h.driver.advanceWallClockTime(Duration.ofMillis(wallMs));
            h.point("s", i * 60_000L, 5.0 + i % 7);
            out.add(new String(h.forecasts.readRecord().value(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
