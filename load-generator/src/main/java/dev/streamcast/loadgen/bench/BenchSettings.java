package dev.streamcast.loadgen.bench;

import dev.streamcast.loadgen.baseline.BaselineSettings;

import java.time.Duration;

/**
 * @param mode          {@link Mode#RATE}: latency at the set rate; {@link Mode#MAX}: pre-produce, then time the drain
 * @param warmup        rate mode: latencies of records sent in the first {@code warmup} are left out and throughput
 *                      counts from then; max mode: throughput counts from {@code warmup} after the first output
 * @param tailTimeout   give up waiting for outstanding outputs after this long without a new one
 * @param settle        keep reading this long after everything expected arrived, to catch duplicates
 * @param startTimeout  max mode against an outside app: how long to wait for its first output
 * @param baseline      run this in-process baseline app as the app under test; null = an outside app (the forecaster)
 */
public record BenchSettings(String inputTopic, String forecastsTopic, String dlqTopic, Mode mode, Duration warmup,
                            Duration tailTimeout, Duration settle, Duration startTimeout, BaselineSettings baseline) {

    /** How the load is applied. */
    public enum Mode {
        RATE, MAX
    }
}
