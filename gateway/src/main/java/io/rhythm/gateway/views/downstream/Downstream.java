package io.rhythm.gateway.views.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rhythm.gateway.proxy.ServiceUrls;
import io.rhythm.platform.web.correlation.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain blocking GETs to a service's API with the caller's own bearer token, so each service applies its roles and
 * row-level access (aggregates included) exactly as it would for a direct call. Fault tolerance is around it, in
 * {@link ServiceCalls}.
 */
@ApplicationScoped
public class Downstream {

    private static final Logger LOG = Logger.getLogger(Downstream.class);

    /** Pages followed at most when a view asks for a whole list (200 rows each). */
    static final int MAX_PAGES = 25;

    @Inject
    ServiceUrls services;
    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** One GET; with {@code allPages}, follows {@code nextCursor} and returns {@code {"items":[…all…]}}. */
    public Reply get(String service, String pathAndQuery, String authorization, String correlationId, boolean allPages) {
        Reply first = once(service, pathAndQuery, authorization, correlationId);
        if (!allPages || !first.ok() || !first.body().has("items")) {
            return first;
        }
        ObjectNode merged = first.body().deepCopy();
        merged.remove("nextCursor");
        ArrayNode items = merged.putArray("items");
        items.addAll((ArrayNode) first.body().get("items"));
        String cursor = text(first.body().get("nextCursor"));
        for (int page = 1; cursor != null && page < MAX_PAGES; page++) {
            String separator = pathAndQuery.contains("?") ? "&" : "?";
            Reply next = once(service, pathAndQuery + separator + "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                    authorization, correlationId);
            if (!next.ok()) {
                return next;
            }
            items.addAll((ArrayNode) next.body().get("items"));
            cursor = text(next.body().get("nextCursor"));
        }
        merged.put("truncated", cursor != null);
        return new Reply(service, 200, merged, null);
    }

    private Reply once(String service, String pathAndQuery, String authorization, String correlationId) {
        var target = services.all().get(service);
        if (target == null) {
            throw new DownstreamError(service + "-service is not configured");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url().toString() + pathAndQuery))
                .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (correlationId != null) {
            request.header(CorrelationId.HEADER, correlationId);
        }
        HttpResponse<byte[]> response;
        long started = System.nanoTime();
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (LOG.isDebugEnabled()) {
                // per downstream call, to profile a view (the path only: ids, never a query or a token)
                LOG.debugf("view call %s %s -> %d in %.1f ms (%d bytes)", service, pathOnly(pathAndQuery), response.statusCode(),
                        (System.nanoTime() - started) / 1e6, response.body().length);
            }
        } catch (IOException e) {
            throw new DownstreamError(service + "-service is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownstreamError(service + "-service did not answer in time");
        }
        if (response.statusCode() >= 500) {
            throw new DownstreamError(service + "-service answered " + response.statusCode());
        }
        JsonNode body;
        try {
            body = response.body().length == 0 ? mapper.nullNode() : mapper.readTree(response.body());
        } catch (IOException e) {
            throw new DownstreamError(service + "-service answered with a body that is not JSON");
        }
        return new Reply(service, response.statusCode(), body, null);
    }

    static String pathOnly(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
