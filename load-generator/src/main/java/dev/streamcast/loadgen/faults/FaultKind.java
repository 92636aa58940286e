package dev.streamcast.loadgen.faults;

/**
 * What a record is. {@link #NONE} and {@link #GAP} are valid and must each get exactly one forecast; every other
 * kind must be dead-lettered with the contract's {@code error.reason} named here.
 */
public enum FaultKind {
    NONE(null),
    /** A valid record with {@code "value": null}. */
    GAP(null),
    /** A ts earlier than the series' last valid ts (a reading that arrives after newer ones). */
    LATE("out_of_order"),
    /** The series' last valid ts again. */
    DUPLICATE("duplicate"),
    /** Not parseable as a JSON object. */
    MALFORMED("malformed"),
    /** No {@code ts} field. */
    MISSING_FIELD("missing_field"),
    /** {@code "value": 1e999} (overflows to infinity when parsed). */
    NON_FINITE("non_finite"),
    /** A valid body padded beyond the forecaster's size limit. */
    OVERSIZED("too_large"),
    /** An empty or over-long (more than 256 bytes) key. */
    BAD_KEY("bad_key");

    private final String reason;

    FaultKind(String reason) {
        this.reason = reason;
    }

    /** True when the forecaster must accept the record (one forecast); false when it must dead-letter it. */
    public boolean accepted() {
        return reason == null;
    }

    /** The expected {@code error.reason} header, or null for accepted kinds. */
    public String reason() {
        return reason;
    }

    /**
     * True for kinds that only make sense after a valid reading of the same series: a late or duplicate ts needs
     * one to be late against or to repeat, and a gap needs a value to impute from (the forecaster dead-letters a
     * series' leading gap as {@code missing_field}).
     */
    public boolean needsEarlierValue() {
        return this == LATE || this == DUPLICATE || this == GAP;
    }

    /** The option-style name, e.g. {@code non-finite}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
