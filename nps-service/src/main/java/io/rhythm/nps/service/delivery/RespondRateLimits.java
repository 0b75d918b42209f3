package io.rhythm.nps.service.delivery;

import io.rhythm.nps.domain.delivery.FixedWindowRateLimiter;
import io.rhythm.nps.domain.delivery.SurveyTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Rate limits of the public respond endpoint: {@code rhythm.nps.respond.rate-limit.requests} per
 * {@code rhythm.nps.respond.rate-limit.window} (default 10 a minute), counted separately per client IP and per
 * token. In memory, so per replica (see {@link FixedWindowRateLimiter}). Tokens are tracked by their hash, never
 * as written.
 */
@ApplicationScoped
public class RespondRateLimits {

    @ConfigProperty(name = "rhythm.nps.respond.rate-limit.requests", defaultValue = "10")
    int requests;
    @ConfigProperty(name = "rhythm.nps.respond.rate-limit.window", defaultValue = "1m")
    Duration window;
    @Inject
    Clock clock;

    private FixedWindowRateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new FixedWindowRateLimiter(requests, window, clock);
    }

    /** Counts a request from this IP for this token; refused if either is over its limit. */
    public FixedWindowRateLimiter.Decision check(String clientIp, String token) {
        FixedWindowRateLimiter.Decision byIp = limiter.tryAcquire("ip:" + clientIp);
        if (!byIp.allowed()) {
            return byIp;
        }
        String tokenKey = token == null ? "" : Base64.getEncoder().encodeToString(SurveyTokens.hash(token));
        return limiter.tryAcquire("token:" + tokenKey);
    }
}
