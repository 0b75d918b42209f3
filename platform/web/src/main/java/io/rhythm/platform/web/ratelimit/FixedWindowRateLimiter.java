package io.rhythm.platform.web.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per key in each fixed window of {@code window} (the window starts with a
 * key's first request). In memory, so the limit holds per process: with N replicas a client can make up
 * to N × limit requests per window. That is enough to stop a script guessing tokens or flooding a public
 * endpoint (survey answers, workflow links); a shared limit would need a shared store (or the gateway).
 *
 * <p>Memory stays bounded: once more than {@code maxKeys} keys are tracked, windows that have ended are
 * dropped; if all are still live, the oldest-started windows are not kept (their keys start afresh).
 * Thread-safe.
 */
public final class FixedWindowRateLimiter {

    /** The answer for one request: allowed, or refused with how long to wait. */
    public record Decision(boolean allowed, int remaining, Duration retryAfter) {

        /** Seconds to put in {@code Retry-After}: at least 1, rounded up. */
        public long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    private record Window(Instant start, int count) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FixedWindowRateLimiter(int limit, Duration window, Clock clock) {
        this(limit, window, clock, 100_000);
    }

    public FixedWindowRateLimiter(int limit, Duration window, Clock clock, int maxKeys) {
        if (limit < 1) {
            throw new IllegalArgumentException("A rate limit allows at least 1 request, was " + limit);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate-limit window must be positive, was " + window);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive, was " + maxKeys);
        }
        this.limit = limit;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxKeys = maxKeys;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /** Counts one request for the key and says whether it is within the limit. */
    public Decision tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        Instant now = clock.instant();
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            evict(now);
        }
        Window current = windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1)
                : new Window(w.start(), w.count() == Integer.MAX_VALUE ? w.count() : w.count() + 1));
        if (current.count() <= limit) {
            return new Decision(true, limit - current.count(), Duration.ZERO);
        }
        return new Decision(false, 0, Duration.between(now, current.start().plus(window)));
    }

    /** How many keys are tracked (for tests and metrics). */
    public int trackedKeys() {
        return windows.size();
    }

    private void evict(Instant now) {
        windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().start().plus(window)));
        if (windows.size() >= maxKeys) {
            // every window still live: forget the oldest ones rather than grow without bound
            windows.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparing(Window::start)))
                    .limit(Math.max(1, windows.size() - maxKeys + 1))
                    .map(Map.Entry::getKey).toList()
                    .forEach(windows::remove);
        }
    }
}
