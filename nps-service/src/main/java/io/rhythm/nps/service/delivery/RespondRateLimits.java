package io.rhythm.nps.service.delivery;

import io.rhythm.nps.domain.delivery.SurveyTokens;
import io.rhythm.platform.web.ratelimit.AddressAndTokenLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * Rate limits of the public respond endpoint: {@code rhythm.nps.respond.rate-limit.requests} per
 * {@code rhythm.nps.respond.rate-limit.window} (default 10 a minute), counted separately per client IP and per
 * token. In memory, so per replica (see {@link AddressAndTokenLimit}). Tokens are tracked by their hash, never
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

    private AddressAndTokenLimit limit;

    @PostConstruct
    void init() {
        limit = new AddressAndTokenLimit(requests, window, clock);
    }

    /** Counts a request from this IP for this token; a 429 (with Retry-After) if either is over its limit. */
    public void require(String clientIp, String token) {
        limit.require(clientIp, token == null ? null : SurveyTokens.hash(token), "this survey link");
    }
}
