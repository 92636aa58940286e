package dev.streamcast.loadgen.cli;

import dev.streamcast.loadgen.faults.FaultKind;
import dev.streamcast.loadgen.faults.FaultPlan;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.Map;

/** Fractions of deliberately faulty records, so the forecaster's dead-letter paths run under load. */
public final class FaultOptions {

    @Option(names = "--gap-fraction", defaultValue = "0",
            description = "Share of records sent with \"value\": null (valid; forecast imputed) (default: ${DEFAULT-VALUE}).")
    double gap;

    @Option(names = "--late-fraction", defaultValue = "0",
            description = "Share of records with a ts before the series' last one (dead letter out_of_order) "
                    + "(default: ${DEFAULT-VALUE}).")
    double late;

    @Option(names = "--duplicate-fraction", defaultValue = "0",
            description = "Share of records repeating the series' last ts (dead letter duplicate) (default: ${DEFAULT-VALUE}).")
    double duplicate;

    @Option(names = "--malformed-fraction", defaultValue = "0",
            description = "Share of records that are not a JSON object (dead letter malformed) (default: ${DEFAULT-VALUE}).")
    double malformed;

    @Option(names = "--missing-field-fraction", defaultValue = "0",
            description = "Share of records without \"ts\" (dead letter missing_field) (default: ${DEFAULT-VALUE}).")
    double missingField;

    @Option(names = "--non-finite-fraction", defaultValue = "0",
            description = "Share of records with \"value\": 1e999 or -1e999 (dead letter non_finite) (default: ${DEFAULT-VALUE}).")
    double nonFinite;

    @Option(names = "--oversized-fraction", defaultValue = "0",
            description = "Share of records padded to --oversized-bytes (dead letter too_large) (default: ${DEFAULT-VALUE}).")
    double oversized;

    @Option(names = "--oversized-bytes", defaultValue = "100000",
            description = "Size of oversized values: above the forecaster's input.max.bytes, within the "
                    + "broker's message.max.bytes (default: ${DEFAULT-VALUE}).")
    int oversizedBytes;

    @Option(names = "--bad-key-fraction", defaultValue = "0",
            description = "Share of records with an empty or 257-byte key (dead letter bad_key) (default: ${DEFAULT-VALUE}).")
    double badKey;

    @Option(names = "--fault-fraction", defaultValue = "0",
            description = "Shorthand: this share of records spread evenly over the eight kinds above (gaps, which "
                    + "the forecaster accepts, among them), added to the individual fractions (default: ${DEFAULT-VALUE}).")
    double all;

    public FaultPlan plan(long seed) {
        Map<FaultKind, Double> f = new EnumMap<>(FaultKind.class);
        double each = all / 8;
        f.put(FaultKind.GAP, gap + each);
        f.put(FaultKind.LATE, late + each);
        f.put(FaultKind.DUPLICATE, duplicate + each);
        f.put(FaultKind.MALFORMED, malformed + each);
        f.put(FaultKind.MISSING_FIELD, missingField + each);
        f.put(FaultKind.NON_FINITE, nonFinite + each);
        f.put(FaultKind.OVERSIZED, oversized + each);
        f.put(FaultKind.BAD_KEY, badKey + each);
        return new FaultPlan(f, seed);
    }

    public int oversizedBytes() {
        return oversizedBytes;
    }
}
