package io.rhythm.platform.web.correlation;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs first on every HTTP request (also those refused before they reach a resource): takes or
 * creates the correlation id, puts it in the log MDC and echoes it on the response.
 */
@ApplicationScoped
public class CorrelationIdFilter {

    /** Before the security filters, so that a 401 carries the id too. */
    private static final int PRIORITY = 1_000;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            establish(context);
            context.next();
        }, PRIORITY);
    }

    /** Takes or creates the request's correlation id, once per request (the request guard may run first). */
    public static void establish(io.vertx.ext.web.RoutingContext context) {
        String id = context.get(CorrelationId.MDC_KEY);
        if (id == null) {
            id = CorrelationId.acceptOrCreate(context.request().getHeader(CorrelationId.HEADER));
            context.put(CorrelationId.MDC_KEY, id);
            context.response().putHeader(CorrelationId.HEADER, id);
        }
        CorrelationId.set(id);
    }
}
