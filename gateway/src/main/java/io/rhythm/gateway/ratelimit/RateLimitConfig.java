package io.rhythm.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * {@code rhythm.gateway.rate-limit.*}: how many API requests each class of caller may make per period
 * (a token bucket refilled evenly over the period, so a burst of the whole limit is allowed once).
 */
@ConfigMapping(prefix = "rhythm.gateway.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** A person (realm user with a people role), counted per token subject. */
    Limit people();

    /** An integration client (role {@code integration}), counted per client id. */
    Limit integration();

    /** A caller without a token (the public routes: survey links, the webhook, workflow links, ics feeds), per address. */
    Limit anonymous();

    /**
     * Proxies whose {@code X-Forwarded-For}/{@code X-Forwarded-Proto} are believed (CIDR blocks). Empty: the TCP
     * peer is the client.
     */
    @WithDefault("127.0.0.1/32,::1/128")
    List<String> trustedProxies();

    /** Buckets kept at most (least recently used ones are forgotten: a forgotten caller starts full again). */
    @WithDefault("100000")
    int maxTrackedCallers();

    interface Limit {
        /** Requests per period. */
        long limit();

        Duration period();
    }
}
