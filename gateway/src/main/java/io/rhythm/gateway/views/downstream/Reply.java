package io.rhythm.gateway.views.downstream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one downstream GET answered: its status and JSON body, or why there is no answer ({@code failure}: down,
 * slow, erroring, circuit open). 4xx answers are replies, not failures: the service decided (not found, not yours).
 */
public record Reply(String service, int status, JsonNode body, String failure) {

    public static Reply failed(String service, String failure) {
        return new Reply(service, 0, null, failure);
    }

    public boolean ok() {
        return failure == null && status >= 200 && status < 300;
    }

    public boolean failedOrErroring() {
        return failure != null || status >= 500;
    }
}
