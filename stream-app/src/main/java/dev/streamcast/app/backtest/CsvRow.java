package dev.streamcast.app.backtest;

/** One row of a backtest CSV: {@code value} is NaN for a gap (empty cell). {@code index} is the row's position in its series. */
public record CsvRow(String series, long ts, double value, int index) {

    public boolean gap() {
        return Double.isNaN(value);
    }
}
