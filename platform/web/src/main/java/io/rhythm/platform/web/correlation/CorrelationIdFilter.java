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
            String id = CorrelationId.acceptOrCreate(context.request().getHeader(CorrelationId.HEADER));
            CorrelationId.set(id);
            context.put(CorrelationId.MDC_KEY, id);
            context.response().putHeader(CorrelationId.HEADER, id);
            context.next();
        }, PRIORITY);
    }
}
