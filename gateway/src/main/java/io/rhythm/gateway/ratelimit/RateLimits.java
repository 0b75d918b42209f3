package io.rhythm.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.rhythm.gateway.edge.ApiCaller;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The token buckets (Bucket4j), one per caller key, in a bounded cache (a bucket unused for twice its period is
 * full again anyway, so forgetting it loses nothing). Pure in-memory: each gateway instance limits on its own, so
 * with N instances behind a load balancer a caller gets at most N times the limit.
 */
public final class RateLimits {

    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets;

    public RateLimits(RateLimitConfig config) {
        this.config = config;
        Duration longest = java.util.stream.Stream.of(config.people(), config.integration(), config.anonymous())
                .map(RateLimitConfig.Limit::period).max(Duration::compareTo).orElseThrow();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxTrackedCallers())
                .expireAfterAccess(longest.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /** Takes one request from the caller's bucket (an anonymous caller's is its address's). */
    public Decision take(ApiCaller caller, String clientAddress) {
        RateLimitConfig.Limit limit = switch (caller.kind()) {
            case PERSON -> config.people();
            case INTEGRATION -> config.integration();
            case ANONYMOUS -> config.anonymous();
        };
        String key = caller.kind() == ApiCaller.Kind.ANONYMOUS ? "address:" + clientAddress : caller.limitKey();
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.limit()).refillGreedy(limit.limit(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), limit.limit(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), Math.max(1, seconds(probe.getNanosToWaitForRefill())),
                limit.period());
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * @param resetSeconds      until the bucket is full again ({@code RateLimit-Reset})
     * @param retryAfterSeconds until the next request would be allowed ({@code Retry-After} on a 429)
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
                           Duration period) {
    }
}
