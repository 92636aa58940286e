package dev.streamcast.loadgen.series;

/** The synthetic shapes; the name is the prefix of the series id ({@code sensor-0000042}). */
public enum SeriesKind {
    SENSOR("sensor-"),
    PRICE("price-");

    private final String prefix;

    SeriesKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
