package io.rhythm.nps.service.delivery;

import io.rhythm.nps.domain.delivery.SurveyTokens;
import io.rhythm.platform.web.problem.TooManyRequests;
import io.rhythm.platform.web.ratelimit.FixedWindowRateLimiter;
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

    /** Counts a request from this IP for this token; a 429 (with Retry-After) if either is over its limit. */
    public void require(String clientIp, String token) {
        FixedWindowRateLimiter.Decision decision = limiter.tryAcquire("ip:" + clientIp);
        if (decision.allowed()) {
            String tokenKey = token == null ? "" : Base64.getEncoder().encodeToString(SurveyTokens.hash(token));
            decision = limiter.tryAcquire("token:" + tokenKey);
        }
        if (!decision.allowed()) {
            throw new TooManyRequests("Too many requests for this survey link or from this address; try again in "
                    + decision.retryAfterSeconds() + " s", decision.retryAfterSeconds());
        }
    }
}
