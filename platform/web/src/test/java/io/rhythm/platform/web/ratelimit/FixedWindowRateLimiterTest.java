package io.rhythm.platform.web.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedWindowRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-07T09:00:00Z"));

    @Test
    void allowsTheLimitInAWindowThenRefusesUntilItEnds() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(3, Duration.ofMinutes(1), clock);
        assertThat(limiter.tryAcquire("ip:1").remaining()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("ip:1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("ip:1").remaining()).isZero();

        FixedWindowRateLimiter.Decision refused = limiter.tryAcquire("ip:1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(50)); // the window started at the first request
        assertThat(refused.retryAfterSeconds()).isEqualTo(50);

        clock.advance(Duration.ofSeconds(49).plusMillis(500));
        FixedWindowRateLimiter.Decision almost = limiter.tryAcquire("ip:1");
        assertThat(almost.allowed()).isFalse();
        assertThat(almost.retryAfterSeconds()).isEqualTo(1); // rounded up, never 0

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("ip:1").allowed()).isTrue(); // a new window
        assertThat(limiter.tryAcquire("ip:1").remaining()).isEqualTo(1);
    }

    @Test
    void keysAreCountedSeparately() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(1, Duration.ofMinutes(1), clock);
        assertThat(limiter.tryAcquire("ip:1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("ip:1").allowed()).isFalse();
        assertThat(limiter.tryAcquire("ip:2").allowed()).isTrue();
        assertThat(limiter.tryAcquire("token:x").allowed()).isTrue();
    }

    @Test
    void memoryStaysBoundedByDroppingEndedWindowsFirst() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(1, Duration.ofMinutes(1), clock, 3);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        clock.advance(Duration.ofSeconds(30));
        limiter.tryAcquire("c");
        assertThat(limiter.trackedKeys()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(31)); // a and b ended, c is live
        limiter.tryAcquire("d");
        assertThat(limiter.trackedKeys()).isEqualTo(2);
        assertThat(limiter.tryAcquire("c").allowed()).isFalse(); // c's live window was kept

        limiter.tryAcquire("e");
        limiter.tryAcquire("f"); // all live: the oldest window (c) goes
        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(3);
    }

    @Test
    void concurrentRequestsNeverExceedTheLimit() throws Exception {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(50, Duration.ofMinutes(1), clock);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                futures.add(pool.submit(() -> {
                    if (limiter.tryAcquire("ip:1").allowed()) {
                        allowed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(allowed).hasValue(50);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new FixedWindowRateLimiter(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedWindowRateLimiter(1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedWindowRateLimiter(1, Duration.ofMinutes(1), clock, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
