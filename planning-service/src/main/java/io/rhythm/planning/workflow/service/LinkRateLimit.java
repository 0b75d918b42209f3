package io.rhythm.planning.workflow.service;

import io.rhythm.planning.workflow.domain.LinkTokens;
import io.rhythm.platform.web.ratelimit.AddressAndTokenLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * Requests to the public link endpoints: {@code rhythm.workflows.links.requests-per-minute} a minute, counted
 * separately per client IP and per token (tracked by its hash), in memory per replica (see
 * {@link AddressAndTokenLimit}). Stops scripted guessing of tokens; the tokens' 256 bits are the real protection.
 */
@ApplicationScoped
public class LinkRateLimit {

    @ConfigProperty(name = "rhythm.workflows.links.requests-per-minute", defaultValue = "30")
    int perMinute;
    @Inject
    Clock clock;

    private AddressAndTokenLimit limit;

    @PostConstruct
    void init() {
        limit = new AddressAndTokenLimit(perMinute, Duration.ofMinutes(1), clock);
    }

    /** Counts a request from this IP for this token; a 429 (with Retry-After) if either is over the limit. */
    public void require(String clientIp, String token) {
        limit.require(clientIp, token == null ? null : LinkTokens.hash(token), "this link");
    }
}
