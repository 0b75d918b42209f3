package io.rhythm.gateway.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.gateway.views.downstream.Reply;
import io.rhythm.gateway.views.downstream.ServiceCalls;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One view being assembled for one caller: starts downstream GETs in parallel (with the caller's token) and turns
 * each reply into a {@link Section} no later than the view's deadline. Whatever has not answered by then is
 * UNAVAILABLE, so a view never waits longer than the deadline, whatever a service does.
 */
public final class Composition {

    private final ServiceCalls calls;
    private final String authorization;
    private final String correlationId;
    private final long deadlineNanos;
    private final Duration budget;

    Composition(ServiceCalls calls, String authorization, String correlationId, Duration budget) {
        this.calls = calls;
        this.authorization = authorization;
        this.correlationId = correlationId;
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    /** Starts one GET on {@code service} (health, nps, segmentation, planning, calendar). */
    public CompletableFuture<Reply> get(String service, String pathAndQuery) {
        return call(service, pathAndQuery, false);
    }

    /** Starts a GET of a whole paged list: {@code {"items":[…]}} over every page. */
    public CompletableFuture<Reply> getAll(String service, String pathAndQuery) {
        return call(service, pathAndQuery, true);
    }

    /** A GET that needs something from an earlier reply; empty {@code next} means "nothing to fetch" (EMPTY). */
    public CompletableFuture<Reply> then(CompletableFuture<Reply> earlier, String service,
                                         Function<JsonNode, Optional<String>> next) {
        return earlier.thenCompose(reply -> {
            if (!reply.ok()) {
                return CompletableFuture.completedFuture(reply);
            }
            return next.apply(reply.body())
                    .map(path -> get(service, path))
                    .orElseGet(() -> CompletableFuture.completedFuture(new Reply(service, 404, null, null)));
        });
    }

    private CompletableFuture<Reply> call(String service, String pathAndQuery, boolean allPages) {
        var call = new ServiceCalls.Call(pathAndQuery, authorization, correlationId, allPages);
        var stage = switch (service) {
            case "health" -> calls.health(call);
            case "nps" -> calls.nps(call);
            case "segmentation" -> calls.segmentation(call);
            case "planning" -> calls.planning(call);
            case "calendar" -> calls.calendar(call);
            default -> throw new IllegalArgumentException("unknown service " + service);
        };
        return stage.toCompletableFuture().exceptionally(failure -> Reply.failed(service, reason(service, failure)));
    }

    /** Waits (until the deadline at most) for a reply. */
    public Reply await(CompletableFuture<Reply> reply, String service) {
        long left = deadlineNanos - System.nanoTime();
        try {
            return reply.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return Reply.failed(service, service + "-service did not answer within " + budget.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Reply.failed(service, reason(service, e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.failed(service, "interrupted");
        }
    }

    /** The section for a reply: AVAILABLE with {@code map(body)}, or why not. */
    public Section section(CompletableFuture<Reply> pending, String service, Function<JsonNode, Object> map) {
        return section(await(pending, service), map);
    }

    public static Section section(Reply reply, Function<JsonNode, Object> map) {
        String source = reply.service() + "-service";
        if (reply.failure() != null) {
            return Section.unavailable(source, reply.failure());
        }
        if (reply.status() == 404) {
            return Section.empty(source, source + " has none");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            return Section.forbidden(source, "your role may not read this from " + source);
        }
        if (!reply.ok()) {
            return Section.unavailable(source, source + " answered " + reply.status());
        }
        return Section.available(source, map.apply(reply.body()));
    }

    static String reason(String service, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return service + "-service did not answer in time";
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return service + "-service failed repeatedly; not called until its circuit breaker half-opens";
        }
        if (cause instanceof BulkheadException) {
            return service + "-service has too many calls in flight";
        }
        return cause.getMessage() == null ? service + "-service failed" : cause.getMessage();
    }
}
