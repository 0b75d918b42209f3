package io.rhythm.gateway.views.downstream;

/** A downstream call that did not produce an answer the view can use (unreachable, 5xx): counts for the circuit breaker. */
public class DownstreamError extends RuntimeException {

    public DownstreamError(String message) {
        super(message, null, false, false);
    }
}
