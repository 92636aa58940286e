package dev.streamcast.app.forecast;

/**
 * The forecast emitted for one accepted observation: the value at {@code ts} (actual or imputed) and the
 * horizon ahead, {@code horizonTs[k]} with mean and central interval bounds.
 */
public record Forecast(String series, long ts, double value, long[] horizonTs, double[] mean, double[] lower,
                       double[] upper, int modelVersion, boolean warm, boolean imputed) {

    public int horizon() {
        return mean.length;
    }
}
