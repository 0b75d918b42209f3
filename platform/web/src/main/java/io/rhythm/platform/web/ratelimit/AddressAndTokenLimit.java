package io.rhythm.platform.web.ratelimit;

import io.rhythm.platform.web.problem.TooManyRequests;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The rate limit of a public endpoint whose only credential is a token in the path (survey answers, workflow
 * links): {@code limit} requests per {@code window}, counted separately per client address and per token. The
 * token is counted by its hash, never as written. Over either limit → {@link TooManyRequests} (429 with
 * Retry-After). In memory, per replica (see {@link FixedWindowRateLimiter}).
 */
public final class AddressAndTokenLimit {

    private final FixedWindowRateLimiter limiter;

    public AddressAndTokenLimit(int limit, Duration window, Clock clock) {
        this.limiter = new FixedWindowRateLimiter(limit, window, clock);
    }

    /**
     * Counts one request from {@code clientAddress} for the token with hash {@code tokenHash} (null when there is
     * none); {@code what} names the link in the refusal ("this survey link").
     */
    public void require(String clientAddress, byte[] tokenHash, String what) {
        FixedWindowRateLimiter.Decision decision = limiter.tryAcquire("ip:" + clientAddress);
        if (decision.allowed()) {
            decision = limiter.tryAcquire("token:" + (tokenHash == null ? "" : Base64.getEncoder().encodeToString(tokenHash)));
        }
        if (!decision.allowed()) {
            throw new TooManyRequests("Too many requests for " + what + " or from this address; try again in "
                    + decision.retryAfterSeconds() + " s", decision.retryAfterSeconds());
        }
    }
}
