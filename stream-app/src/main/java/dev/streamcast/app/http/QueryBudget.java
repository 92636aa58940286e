package dev.streamcast.app.http;

import dev.streamcast.app.config.AppConfig;
import dev.streamcast.app.rate.TokenBucket;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the expensive queries: the {@code /series} listing (scans stores, asks every instance), {@code /series/{id}}
 * (may be routed to a peer) and {@code /models/current} (serialises a model). At most {@code http.query.concurrency}
 * (default 4, of the server's 8 threads) run at once, so a flood cannot take every thread and routed requests from
 * peers still find one; a request waits up to 200 ms for a slot. Optionally {@code http.query.rate} (per second,
 * default 0 = no rate bound) adds a token bucket with a burst of twice the rate. Refused requests get 429 with
 * {@code Retry-After: 1}. Cheap endpoints (health, readiness, metrics, stats, dashboard files) are never limited.
 */
final class QueryBudget {

    static final String CONCURRENCY = "http.query.concurrency";
    static final String RATE = "http.query.rate";

    private final Semaphore slots;
    private final TokenBucket rate;

    QueryBudget(int concurrency, double perSecond) {
        if (concurrency < 1 || !(perSecond >= 0)) {
            throw new IllegalArgumentException(CONCURRENCY + " must be at least 1 and " + RATE
                    + " at least 0, got " + concurrency + " and " + perSecond);
        }
        this.slots = new Semaphore(concurrency);
        this.rate = TokenBucket.of(perSecond, Math.max(1, 2 * perSecond));
    }

    static QueryBudget from(AppConfig config) {
        String c = config.find(CONCURRENCY).orElse("4").strip();
        String r = config.find(RATE).orElse("0").strip();
        try {
            return new QueryBudget(Integer.parseInt(c), Double.parseDouble(r));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CONCURRENCY + " must be an integer and " + RATE + " a number, got '"
                    + c + "' and '" + r + "'");
        }
    }

    static boolean expensive(String route) {
        return route.equals("series") || route.equals("series_id") || route.equals("models_current");
    }

    /** For an expensive route, takes a slot (and a token); false when refused. Pair a true with {@link #release}. */
    boolean acquire(String route) {
        if (!expensive(route)) {
            return true;
        }
        if (!rate.tryTake()) {
            return false;
        }
        try {
            return slots.tryAcquire(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release(String route) {
        if (expensive(route)) {
            slots.release();
        }
    }
}
