package io.rhythm.platform.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.platform.web.correlation.CorrelationId;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * What the HTTP layer refuses by itself before any REST resource runs (a body over
 * {@code quarkus.http.limits.max-body-size}: 413, a 403 of a path policy, a failure in a route
 * handler) gets the same problem+json body as every other error. 401s are left to
 * {@link AuthenticationProblems}, which adds the challenge.
 */
@ApplicationScoped
public class FailureProblems {

    private static final Logger LOG = Logger.getLogger(FailureProblems.class);

    void register(@Observes Router router, ObjectMapper mapper) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            int status = status(context);
            if (context.response().ended() || status == 401) {
                context.next();
                return;
            }
            if (status >= 400 && status < 500) {
                ProblemType type = ProblemType.forStatus(status);
                String detail = switch (status) {
                    case 413 -> "The request body is larger than this service accepts";
                    case 403 -> "Your roles do not allow this operation";
                    default -> type.title();
                };
                RoutingProblems.respond(context, mapper, type, status, detail, List.of());
                return;
            }
            LOG.errorf(context.failure(), "Unexpected failure on %s (correlation id %s)", context.request().path(),
                    (Object) context.get(CorrelationId.MDC_KEY));
            RoutingProblems.respond(context, mapper, ProblemType.INTERNAL, 500,
                    "The request failed unexpectedly; quote the correlation id when reporting it", List.of());
        });
    }

    private static int status(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof HttpException http) {
            return http.getStatusCode();
        }
        if (failure instanceof io.quarkus.security.ForbiddenException) {
            return 403;
        }
        if (failure instanceof io.quarkus.security.AuthenticationFailedException
                || failure instanceof io.quarkus.security.UnauthorizedException) {
            return 401;
        }
        return context.statusCode() < 0 ? 500 : context.statusCode();
    }
}
