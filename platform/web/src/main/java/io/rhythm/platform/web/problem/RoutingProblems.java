package io.rhythm.platform.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.platform.web.correlation.CorrelationId;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Writes a problem+json answer straight on a Vert.x {@link RoutingContext}, for what is refused
 * before a REST resource runs (the request guard, authentication, body limits, the gateway).
 */
public final class RoutingProblems {

    private RoutingProblems() {
    }

    public static void respond(RoutingContext context, ObjectMapper mapper, ProblemType type, String detail) {
        respond(context, mapper, type, type.status(), detail, List.of());
    }

    public static void respond(RoutingContext context, ObjectMapper mapper, ProblemType type, int status, String detail,
                               List<FieldError> errors) {
        if (context.response().ended()) {
            return;
        }
        Problem problem = new Problem(type.uri(), type.title(), status, detail, context.request().path(),
                context.get(CorrelationId.MDC_KEY), errors == null || errors.isEmpty() ? null : errors);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + type.uri() + "\",\"status\":" + status + "}";
        }
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
