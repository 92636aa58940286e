package dev.streamcast.app.forecast;

/**
 * A series' spacing: the clean calendar step behind the gap between its first two points, and how many points a
 * later gap skipped. Real sensors stamp their readings with jitter (a half-hourly meter at 00:30:01.2) and drop
 * readings without saying so; the season is indexed by point, so a spacing taken literally would give a jittery
 * series no season at all, and a dropped point would shift its season by one for good.
 */
public final class Spacing {

    static final long SECOND = 1000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** A gap within this share of a clean step is that step (a day: within a daylight-saving hour or so). */
    static final double TOLERANCE = 0.04;
    static final double DAY_TOLERANCE = 0.05;
    /** The mean month and quarter of the Gregorian calendar, for counting the points a monthly gap skipped. */
    static final double MONTH = 365.2425 * DAY / 12;
    static final double QUARTER = 365.2425 * DAY / 4;
    /** At most this many seasons of skipped points are filled; a longer outage resumes as if none were missed. */
    static final int MAX_FILLED_SEASONS = 2;

    private Spacing() {
    }

    /**
     * The clean step near {@code gapMs}: a day, or the nearest whole number of minutes that divides a day (at least
     * one), or, when none is near, the gap itself if it is a whole number of seconds, else the nearest whole number of
     * seconds that divides a day; "near" is within {@link #TOLERANCE}. Otherwise the gap itself. A clean gap (every
     * 75 s, every 7 minutes) stays as it is.
     */
    public static long clean(long gapMs) {
        if (Math.abs(gapMs - DAY) <= DAY_TOLERANCE * DAY) {
            return DAY;
        }
        long minutes = nearestDivisorOfDay(gapMs, MINUTE);
        if (minutes > 0 || gapMs % SECOND == 0) {
            return minutes > 0 ? minutes : gapMs;
        }
        long seconds = nearestDivisorOfDay(gapMs, SECOND);
        return seconds > 0 ? seconds : gapMs;
    }

    /** The whole number of {@code unit}s nearest {@code gapMs} that divides a day, from a minute up, or 0 if none is near. */
    private static long nearestDivisorOfDay(long gapMs, long unit) {
        long perDay = DAY / unit;
        long from = Math.max(1, (long) Math.floor(gapMs * (1 - TOLERANCE) / unit));
        long to = Math.min(perDay - 1, (long) Math.ceil(gapMs * (1 + TOLERANCE) / unit));
        long best = 0;
        double nearest = TOLERANCE;
        for (long d = from; d <= to; d++) {
            long s = d * unit;
            double off = Math.abs(gapMs - s) / (double) s;
            if (s >= MINUTE && perDay % d == 0 && off <= nearest) {
                best = s;
                nearest = off;
            }
        }
        return best;
    }

    /** Whether {@code stepMs} is a month (28 to 31 days). */
    static boolean monthly(long stepMs) {
        return stepMs >= 28 * DAY && stepMs <= 31 * DAY;
    }

    /** Whether {@code stepMs} is a quarter (89 to 92 days). */
    static boolean quarterly(long stepMs) {
        return stepMs >= 89 * DAY && stepMs <= 92 * DAY;
    }

    /**
     * How many points a gap of {@code gapMs} skipped in a series of season {@code period} spaced {@code stepMs}
     * (months and quarters counted by their mean length): the gap in steps, rounded, less one; 0 for a series
     * without a season (its spacing need not be regular) or for an outage longer than {@link #MAX_FILLED_SEASONS}.
     */
    public static int skipped(long gapMs, long stepMs, int period) {
        if (period <= 0 || stepMs <= 0) {
            return 0;
        }
        double step = monthly(stepMs) ? MONTH : quarterly(stepMs) ? QUARTER : stepMs;
        double steps = Math.rint(gapMs / step);
        return steps >= 2 && steps - 1 <= (double) MAX_FILLED_SEASONS * period ? (int) steps - 1 : 0;
    }
}
