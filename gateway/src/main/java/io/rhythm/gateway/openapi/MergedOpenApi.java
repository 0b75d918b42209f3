package io.rhythm.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.gateway.proxy.ServiceUrls;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /openapi}: the whole public API in one OpenAPI document, merged from every service's
 * {@code /q/openapi} (cached for a minute). The gateway's Swagger UI shows it.
 */
@ApplicationScoped
public class MergedOpenApi {

    public static final String PATH = "/openapi";
    private static final Duration CACHE = Duration.ofMinutes(1);

    @Inject
    ServiceUrls services;
    @Inject
    ObjectMapper mapper;
    @Inject
    io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService ownDocument;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String cached;
    private volatile Instant cachedAt = Instant.EPOCH;
    /** The gateway's own port: its own document (the composed views) is merged in too. */
    private volatile int selfPort;

    void register(@Observes Router router) {
        router.get(PATH).blockingHandler(context -> {
            if (context.request().localAddress() != null && context.request().localAddress().port() > 0) {
                selfPort = context.request().localAddress().port();
            }
            context.response().putHeader("Content-Type", "application/json").end(document());
        });
    }

    /** The merged document (JSON), from the cache when it is less than a minute old; blocks while fetching. */
    public String document() {
        if (cached != null && cachedAt.plus(CACHE).isAfter(Instant.now())) {
            return cached;
        }
        Map<String, CompletableFuture<JsonNode>> fetches = new HashMap<>();
        services.all().forEach((name, service) -> fetches.put(name + "-service", fetch(service.url())));
        if (selfPort > 0) {
            fetches.put("gateway", fetch(URI.create("http://127.0.0.1:" + selfPort)));
        }
        Map<String, JsonNode> documents = new HashMap<>();
        fetches.forEach((name, fetch) -> documents.put(name, fetch.join()));
        documents.put("gateway", own());
        String merged = OpenApiMerger.merge(mapper, "Rhythm API", documents).toPrettyString();
        if (!documents.containsValue(null)) {
            cached = merged;
            cachedAt = Instant.now();
        }
        return merged;
    }

    /** The gateway's own operations (the audit log): its REST resources' document, built in. */
    private JsonNode own() {
        try {
            byte[] json = ownDocument.getDocument("<default>", io.smallrye.openapi.runtime.io.Format.JSON);
            return json == null || json.length == 0 ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private CompletableFuture<JsonNode> fetch(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        return null;
                    }
                    try {
                        return mapper.readTree(response.body());
                    } catch (java.io.IOException e) {
                        return (JsonNode) null;
                    }
                })
                .exceptionally(failure -> null);
    }
}
