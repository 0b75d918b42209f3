package io.rhythm.gateway.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.gateway.edge.ApiCaller;
import io.rhythm.platform.web.problem.ProblemType;
import io.rhythm.platform.web.problem.RoutingProblems;
import io.rhythm.platform.web.ratelimit.TrustedProxies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Rate limits every {@code /api/v1/**} request before it is forwarded or answered by the gateway: per person (token
 * subject), per integration client (client id), and per address for callers without a token (the public routes).
 * Every answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (IETF draft-ietf-httpapi-ratelimit-headers; seconds); over the limit the answer is a 429 problem+json with
 * {@code Retry-After}. Runs after authentication (a bad token is a 401 that costs nothing here) and after the
 * request guard.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** After authentication (Quarkus runs it at order -200), the request guard (-3) and the body-size check (-2). */
    public static final int ORDER = -1;
    /** Where the client address resolved from trusted proxies is kept for later handlers (the proxy forwards it). */
    public static final String CLIENT_ADDRESS = "rhythm.client-address";

    @Inject
    RateLimitConfig config;
    @Inject
    ObjectMapper mapper;

    private RateLimits limits;
    private TrustedProxies proxies;

    void register(@Observes Router router) {
        limits = new RateLimits(config);
        proxies = TrustedProxies.of(config.trustedProxies());
        router.route("/api/v1/*").order(ORDER).handler(this::limit);
    }

    public TrustedProxies proxies() {
        if (proxies == null) {
            proxies = TrustedProxies.of(config.trustedProxies());
        }
        return proxies;
    }

    void limit(RoutingContext context) {
        String address = proxies().clientAddress(context.request());
        context.put(CLIENT_ADDRESS, address);
        if (!config.enabled()) {
            context.next();
            return;
        }
        RateLimits.Decision decision = limits.take(ApiCaller.of(context), address);
        var response = context.response();
        response.putHeader("RateLimit-Limit", String.valueOf(decision.limit()));
        response.putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        response.putHeader("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
        response.putHeader("RateLimit-Policy", decision.limit() + ";w=" + decision.period().toSeconds());
        if (decision.allowed()) {
            context.next();
            return;
        }
        response.putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        RoutingProblems.respond(context, mapper, ProblemType.TOO_MANY_REQUESTS, ProblemType.TOO_MANY_REQUESTS.status(),
                "More than " + decision.limit() + " requests in " + decision.period().toSeconds()
                        + " s; retry after " + decision.retryAfterSeconds() + " s", List.of());
    }
}
