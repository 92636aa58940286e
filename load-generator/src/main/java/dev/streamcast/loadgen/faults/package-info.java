/**
 * Controlled faults in set fractions (gaps, late, duplicate, malformed, non-finite, oversized, bad keys,
 * missing fields), so the forecaster's dead-letter paths are exercised under load.
 */
package dev.streamcast.loadgen.faults;
