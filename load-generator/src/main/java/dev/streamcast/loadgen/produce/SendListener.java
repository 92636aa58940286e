package dev.streamcast.loadgen.produce;

/**
 * Told about every record the produce loop sends, on the loop thread, before {@code send()}: the bench uses it
 * to remember what it expects back. {@link #failed} comes from the producer's I/O thread.
 */
public interface SendListener {

    SendListener NONE = new SendListener() {
        @Override
        public void sending(int series, long ts, boolean expectForecast, long nanos) {
        }

        @Override
        public void failed(int series, long ts, boolean expectForecast) {
        }
    };

    /**
     * @param series         the series index, or -1 when the record's key is not a series (bad-key fault)
     * @param ts             the ts written, Long.MIN_VALUE when the record has none
     * @param expectForecast true when the forecaster must answer with exactly one forecast
     * @param nanos          {@link System#nanoTime()} just before the send
     */
    void sending(int series, long ts, boolean expectForecast, long nanos);

    /** The record could not be written to Kafka. */
    void failed(int series, long ts, boolean expectForecast);
}
