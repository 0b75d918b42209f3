package io.rhythm.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rhythm.platform.testing.TestInfrastructure;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs real services (their packaged jars, built earlier in the reactor) next to the gateway under test, against
 * the test infrastructure: the gateway is tested against real services, not mocks. Which ones run is the
 * {@code services} init argument (default {@code health}), e.g.
 * {@code @QuarkusTestResource(value = ServiceProcesses.class, initArgs = @ResourceArg(name = "services",
 * value = "health,nps,segmentation,planning,calendar"), restrictToAnnotatedClass = true)}. Every service has a
 * fixed port; the ones left unstarted keep it with nothing listening, to see how the gateway reports and answers
 * for a service that is down. A test may {@link #stop(String)} and {@link #start(String)} one service again.
 */
public class ServiceProcesses implements QuarkusTestResourceLifecycleManager {

    /** Each service's port while the gateway is under test. */
    static final Map<String, Integer> PORTS = Map.of(
            "health", 28191, "nps", 28192, "segmentation", 28193, "planning", 28194, "calendar", 28195);

    private static final Duration READY_WITHIN = Duration.ofSeconds(300);
    private static final Map<String, Process> RUNNING = new LinkedHashMap<>();

    private List<String> services = List.of("health");

    @Override
    public void init(Map<String, String> initArgs) {
        String names = initArgs.getOrDefault("services", "health");
        services = Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String service : services) {
            if (!PORTS.containsKey(service)) {
                throw new IllegalArgumentException("unknown service '" + service + "'; known: " + PORTS.keySet());
            }
        }
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureRunning();
        services.forEach(ServiceProcesses::launch);
        services.forEach(ServiceProcesses::awaitReady);
        Map<String, String> config = new LinkedHashMap<>();
        PORTS.forEach((service, port) -> config.put("rhythm.services." + service + ".url", "http://127.0.0.1:" + port));
        return config;
    }

    @Override
    public void stop() {
        new ArrayList<>(RUNNING.keySet()).forEach(ServiceProcesses::stop);
    }

    /** Starts one service (again) and returns once it is ready. */
    static synchronized void start(String service) {
        launch(service);
        awaitReady(service);
    }

    /** Stops one service (SIGTERM, then SIGKILL after 20 s). */
    static synchronized void stop(String service) {
        Process process = RUNNING.remove(service);
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void launch(String service) {
        Process existing = RUNNING.get(service);
        if (existing != null && existing.isAlive()) {
            return;
        }
        Path jar = jar(service);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service)));
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(PORTS.get(service)),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "RHYTHM_DB_URL", "jdbc:postgresql://127.0.0.1:" + TestInfrastructure.POSTGRES_PORT,
                "RHYTHM_DB_PASSWORD", "rhythm-test",
                "RHYTHM_KAFKA_BOOTSTRAP", TestInfrastructure.KAFKA_BOOTSTRAP,
                "RHYTHM_KEYCLOAK_URL", TestInfrastructure.KEYCLOAK_URL,
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false",
                // nps's survey webhook is configured as under ./rhythm up (without a secret it answers 503)
                "RHYTHM_NPS_WEBHOOK_SECRET", "gateway-test-webhook-secret"));
        try {
            RUNNING.put(service, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
    }

    private static void awaitReady(String service) {
        Process process = RUNNING.get(service);
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + PORTS.get(service) + "/q/health/ready");
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + "-service exited with " + process.exitValue() + "; see " + log(service));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        stop(service);
        throw new IllegalStateException(service + "-service was not ready within " + READY_WITHIN.toSeconds() + " s; see " + log(service));
    }

    private static Path jar(String service) {
        Path jar = Path.of("..", service + "-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -DskipTests -pl " + service + "-service -am)");
        }
        return jar;
    }

    private static File log(String service) {
        return Path.of("target", service + "-service-for-gateway-test.log").toFile();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
