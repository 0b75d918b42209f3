package io.rhythm.gateway.edge;

import io.rhythm.gateway.ratelimit.RateLimitFilter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Security headers on every answer of the gateway (set when the headers are written, so refusals by
 * authentication, the request guard and the rate limit get them too):
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff} everywhere;</li>
 *   <li>{@code Strict-Transport-Security} when the request came over TLS, directly or through a trusted proxy
 *       saying {@code X-Forwarded-Proto: https} (never on plain HTTP, where it would mean nothing);</li>
 *   <li>on the API ({@code /api/v1/**}, answers about clients, people and their surveys): {@code Cache-Control:
 *       no-store} unless the answering service set its own, and {@code Content-Security-Policy: default-src 'none';
 *       frame-ancestors 'none'}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy: no-referrer}: an API answer
 *       is data, never a page to render or frame.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Before authentication and everything else that may answer. */
    static final int ORDER = -1000;

    @ConfigProperty(name = "rhythm.http.hsts-max-age", defaultValue = "P365D")
    Duration hstsMaxAge;
    @Inject
    RateLimitFilter rateLimit;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::onHeaders);
    }

    void onHeaders(RoutingContext context) {
        boolean api = context.request().path() != null && context.request().path().startsWith("/api/");
        boolean secure = rateLimit.proxies().isSecure(context.request());
        context.addHeadersEndHandler(ignored -> {
            var headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            if (secure) {
                headers.set("Strict-Transport-Security", "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains");
            }
            if (api) {
                if (!headers.contains("Cache-Control")) {
                    headers.set("Cache-Control", "no-store");
                }
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
            }
        });
        context.next();
    }
}
