package dev.streamcast.app.forecast;

/**
 * A series' spacing: the clean calendar step behind the gap between its first two points, and how many points a
 * later gap skipped. Real sensors stamp their readings with jitter (a half-hourly meter at 00:30:41) and drop
 * readings without saying so; the season is indexed by point, so a spacing taken literally would give a jittery
 * series no season at all, and a dropped point would shift its season by one for good.
 */
public final class Spacing {

    static final long SECOND = 1000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** A gap less than this share away from a clean sub-daily step is that step. */
    static final double TOLERANCE = 0.04;
    /** A gap of about a day or more within this share of a day of whole days is those days (daylight saving). */
    static final double DAY_TOLERANCE = 0.05;
    /** A gap within this many steps of a whole number k >= 2 of them skipped k - 1 points; else it skipped none. */
    static final double SKIP_TOLERANCE = 0.2;
    /** The mean month and quarter of the Gregorian calendar, for counting the points a monthly gap skipped. */
    static final double MONTH = 365.2425 * DAY / 12;
    static final double QUARTER = 365.2425 * DAY / 4;
    /** At most this many seasons of skipped points are filled; a longer outage resumes as if none were missed. */
    static final int MAX_FILLED_SEASONS = 2;

    private Spacing() {
    }

    /**
     * The clean step near {@code gapMs}. A step that divides a day (from a minute up) stays as it is. Otherwise:
     * whole days for a gap of about a day or more (within {@link #DAY_TOLERANCE} of a day: a month's 31 days and a few
     * seconds, a day that daylight saving shortened); below a day, the nearest whole number of minutes that divides a
     * day, or, when none is near, the gap itself if it is a whole number of seconds (every 7 minutes), else the nearest
     * whole number of seconds that divides a day ("near": less than {@link #TOLERANCE} away). Otherwise the gap itself.
     */
    public static long clean(long gapMs) {
        if (gapMs >= MINUTE && gapMs < DAY && DAY % gapMs == 0) {
            return gapMs;
        }
        if (gapMs >= (1 - DAY_TOLERANCE) * DAY) {
            long days = Math.round((double) gapMs / DAY);
            return Math.abs(gapMs - (double) days * DAY) <= DAY_TOLERANCE * DAY ? days * DAY : gapMs;
        }
        long minutes = nearestDivisorOfDay(gapMs, MINUTE);
        if (minutes > 0 || gapMs % SECOND == 0) {
            return minutes > 0 ? minutes : gapMs;
        }
        long seconds = nearestDivisorOfDay(gapMs, SECOND);
        return seconds > 0 ? seconds : gapMs;
    }

    /** The whole number of {@code unit}s nearest {@code gapMs} that divides a day (a minute or more), or 0: none near. */
    private static long nearestDivisorOfDay(long gapMs, long unit) {
        long perDay = DAY / unit;
        long from = Math.max(1, (long) Math.floor(gapMs * (1 - TOLERANCE) / unit));
        long to = Math.min(perDay - 1, (long) Math.ceil(gapMs * (1 + TOLERANCE) / unit));
        long best = 0;
        double nearest = TOLERANCE;
        for (long d = from; d <= to; d++) {
            long s = d * unit;
            double off = Math.abs(gapMs - s) / (double) s;
            if (s >= MINUTE && perDay % d == 0 && off < nearest) {
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
     * (months and quarters counted by their mean length): k - 1 for a gap within {@link #SKIP_TOLERANCE} of k >= 2
     * steps, else 0 (a reading that came late or early skipped nothing, and filling for it would shift the season);
     * also 0 for a series without a season or for an outage longer than {@link #MAX_FILLED_SEASONS}.
     */
    public static int skipped(long gapMs, long stepMs, int period) {
        if (period <= 0 || stepMs <= 0) {
            return 0;
        }
        double steps = gapMs / (monthly(stepMs) ? MONTH : quarterly(stepMs) ? QUARTER : stepMs);
        double k = Math.rint(steps);
        boolean whole = Math.abs(steps - k) <= SKIP_TOLERANCE;
        return whole && k >= 2 && k - 1 <= (double) MAX_FILLED_SEASONS * period ? (int) k - 1 : 0;
    }
}
