package dev.streamcast.app.record;

/** Why an input record went to the dead-letter topic; {@link #code()} is the {@code error.reason} header value. */
public enum RejectReason {
    MALFORMED("malformed"),
    MISSING_FIELD("missing_field"),
    NON_FINITE("non_finite"),
    BAD_KEY("bad_key"),
    OUT_OF_ORDER("out_of_order"),
    DUPLICATE("duplicate"),
    TOO_LARGE("too_large");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
