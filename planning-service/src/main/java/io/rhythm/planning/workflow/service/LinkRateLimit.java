package io.rhythm.planning.workflow.service;

import io.rhythm.planning.workflow.domain.LinkTokens;
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
 * Requests to the public link endpoints: {@code rhythm.workflows.links.requests-per-minute} a minute, counted
 * separately per client IP and per token (tracked by its hash), in memory per replica (see
 * {@link FixedWindowRateLimiter}). Stops scripted guessing of tokens; the tokens' 256 bits are the real protection.
 */
@ApplicationScoped
public class LinkRateLimit {

    @ConfigProperty(name = "rhythm.workflows.links.requests-per-minute", defaultValue = "30")
    int perMinute;
    @Inject
    Clock clock;

    private FixedWindowRateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new FixedWindowRateLimiter(perMinute, Duration.ofMinutes(1), clock);
    }

    /** Counts a request from this IP for this token; a 429 (with Retry-After) if either is over the limit. */
    public void require(String clientIp, String token) {
        FixedWindowRateLimiter.Decision decision = limiter.tryAcquire("ip:" + clientIp);
        if (decision.allowed()) {
            String tokenKey = token == null ? "" : Base64.getEncoder().encodeToString(LinkTokens.hash(token));
            decision = limiter.tryAcquire("token:" + tokenKey);
        }
        if (!decision.allowed()) {
            throw new TooManyRequests("Too many requests for this link or from this address; try again in "
                    + decision.retryAfterSeconds() + " s", decision.retryAfterSeconds());
        }
    }
}
