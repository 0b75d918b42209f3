package io.rhythm.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Documents the gateway's rate limits in the merged document: every 2xx and 4xx answer of every operation carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset} and {@code RateLimit-Policy}, and
 * every operation may answer 429 (problem+json, with {@code Retry-After}). These are the gateway's headers (see
 * {@code RateLimitFilter}), so they are added here and not in each service's own document. Every answer that
 * documents headers also documents {@code Access-Control-Allow-Origin}, which the gateway's CORS handling adds when
 * the request's Origin is one of the configured front-end origins ({@code rhythm.frontend.origins}).
 */
final class RateLimitDocs {

    static final List<String> HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy");
    private static final String HEADER_REF = "#/components/headers/";
    static final String CORS_ORIGIN = "Access-Control-Allow-Origin";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private RateLimitDocs() {
    }

    static void add(ObjectMapper mapper, ObjectNode document) {
        ObjectNode components = object(document, "components");
        ObjectNode headers = components.putObject("headers");
        header(headers, "RateLimit-Limit", "Requests allowed per window for this caller: per person (token subject), "
                + "per integration client (client id), per address for calls without a token", "integer");
        header(headers, "RateLimit-Remaining", "Requests left in the current window", "integer");
        header(headers, "RateLimit-Reset", "Seconds until the caller's quota is whole again", "integer");
        header(headers, "RateLimit-Policy", "The quota and its window in seconds, e.g. 300;w=60", "string")
                .put("pattern", "^[0-9]+;w=[0-9]+$");
        header(headers, "Retry-After", "Seconds to wait before the next request is allowed", "integer");
        header(headers, CORS_ORIGIN, "The caller's Origin, echoed when it is one of the configured front-end origins "
                + "(rhythm.frontend.origins); absent otherwise", "string").put("pattern", "^https?://[^/\\s]+$");
        boolean problem = components.path("schemas").has("Problem");
        document.path("paths").forEach(pathItem -> METHODS.forEach(method -> {
            if (pathItem.get(method) instanceof ObjectNode operation && operation.get("responses") instanceof ObjectNode responses) {
                ObjectNode tooMany = responses.has("429") && responses.get("429") instanceof ObjectNode existing
                        && !existing.has("$ref") ? existing : responses.putObject("429");
                if (!tooMany.has("description")) {
                    tooMany.put("description", "Too many requests: over the caller's rate limit (Retry-After says when to try again)");
                }
                if (!tooMany.has("content") && problem) {
                    tooMany.putObject("content").putObject("application/problem+json").putObject("schema")
                            .put("$ref", "#/components/schemas/Problem");
                }
                object(tooMany, "headers").putObject("Retry-After").put("$ref", HEADER_REF + "Retry-After");
                responses.fields().forEachRemaining(response -> {
                    if ((response.getKey().startsWith("2") || response.getKey().startsWith("4"))
                            && response.getValue() instanceof ObjectNode answer && !answer.has("$ref")) {
                        ObjectNode answerHeaders = object(answer, "headers");
                        HEADERS.forEach(name -> answerHeaders.putObject(name).put("$ref", HEADER_REF + name));
                    }
                    if (response.getValue().get("headers") instanceof ObjectNode answerHeaders) {
                        answerHeaders.putObject(CORS_ORIGIN).put("$ref", HEADER_REF + CORS_ORIGIN);
                    }
                });
            }
        }));
    }

    /** The header's schema (a string's pattern is the caller's to add: Spectral's owasp:api4:2023-string-restricted). */
    private static ObjectNode header(ObjectNode headers, String name, String description, String type) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        ObjectNode schema = header.putObject("schema").put("type", type);
        if (type.equals("integer")) {
            schema.put("format", "int32").put("minimum", 0).put("maximum", Integer.MAX_VALUE);
        } else {
            schema.put("maxLength", 100);
        }
        return schema;
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
    }
}
