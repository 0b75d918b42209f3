package io.rhythm.gateway.health;

import io.rhythm.gateway.proxy.ServiceUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** The gateway is ready when every service behind it is; the answer lists each one. */
@Readiness
@ApplicationScoped
public class DownstreamServicesCheck implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    ServiceUrls services;

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> probes = new TreeMap<>();
        services.all().forEach((name, service) -> probes.put(name + "-service", probe(service.url())));
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream services");
        boolean allUp = true;
        for (var probe : probes.entrySet()) {
            String state = probe.getValue().join();
            builder.withData(probe.getKey(), state);
            allUp &= state.equals("UP");
        }
        return builder.status(allUp).build();
    }

    private CompletableFuture<String> probe(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(3)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200 ? "UP" : "DOWN (" + response.statusCode() + ")")
                .exceptionally(failure -> "DOWN (unreachable)");
    }
}
