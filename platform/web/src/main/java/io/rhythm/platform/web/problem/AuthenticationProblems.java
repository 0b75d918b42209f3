package io.rhythm.platform.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A missing, expired or forged bearer token is refused before any resource runs (proactive
 * authentication), so the REST exception mappers never see it. This failure handler gives those
 * 401s the same problem+json body as every other error, with the {@code WWW-Authenticate} challenge.
 */
@ApplicationScoped
public class AuthenticationProblems {

    void register(@Observes Router router, ObjectMapper mapper) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (!isAuthenticationFailure(context) || context.response().ended()) {
                context.next();
                return;
            }
            String detail = context.request().getHeader("Authorization") == null
                    ? "A bearer token is required (Authorization: Bearer <access token from realm rhythm>)"
                    : "The bearer token was not accepted: it is malformed, expired or not issued by realm rhythm";
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"rhythm\"");
            RoutingProblems.respond(context, mapper, ProblemType.UNAUTHORIZED, detail);
        });
    }

    private static boolean isAuthenticationFailure(RoutingContext context) {
        Throwable failure = context.failure();
        return failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || (failure == null && context.statusCode() == 401);
    }
}
