package io.rhythm.gateway.views.downstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The views' calls to each service, one method per service so each has its own circuit breaker and bulkhead: a
 * down nps-service opens nps's breaker only. Values are configuration
 * ({@code io.rhythm.gateway.views.downstream.ServiceCalls/<method>/Timeout/value} etc., see application.properties).
 * Unreachable services and 5xx answers are failures (they count for the breaker); 4xx answers are replies.
 */
@ApplicationScoped
@Asynchronous
@Timeout(800)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5_000, successThreshold = 1)
@Bulkhead(value = 16, waitingTaskQueue = 512)
public class ServiceCalls {

    @Inject
    Downstream downstream;

    public CompletionStage<Reply> health(Call call) {
        return run("health", call);
    }

    public CompletionStage<Reply> nps(Call call) {
        return run("nps", call);
    }

    public CompletionStage<Reply> segmentation(Call call) {
        return run("segmentation", call);
    }

    public CompletionStage<Reply> planning(Call call) {
        return run("planning", call);
    }

    public CompletionStage<Reply> calendar(Call call) {
        return run("calendar", call);
    }

    private CompletionStage<Reply> run(String service, Call call) {
        return CompletableFuture.completedFuture(
                downstream.get(service, call.pathAndQuery(), call.authorization(), call.correlationId(), call.allPages()));
    }

    /** One GET on behalf of the caller. */
    public record Call(String pathAndQuery, String authorization, String correlationId, boolean allPages) {
    }
}
