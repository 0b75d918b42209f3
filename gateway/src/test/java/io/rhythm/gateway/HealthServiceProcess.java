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
import java.util.Map;

/**
 * Runs the real health-service (its packaged jar, built earlier in the reactor) next to the gateway
 * under test, against the test infrastructure: the gateway is tested against a real service, not a
 * mock. The other services are left unstarted, to see how the gateway reports and answers for them.
 */
public class HealthServiceProcess implements QuarkusTestResourceLifecycleManager {

    static final int PORT = 28191;
    private Process process;

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureRunning();
        Path jar = Path.of("..", "health-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build health-service first (./mvnw package -pl health-service)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = Path.of("target", "health-service-for-gateway-test.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(PORT),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "RHYTHM_DB_URL", "jdbc:postgresql://127.0.0.1:" + TestInfrastructure.POSTGRES_PORT,
                "RHYTHM_DB_PASSWORD", "rhythm-test",
                "RHYTHM_KAFKA_BOOTSTRAP", TestInfrastructure.KAFKA_BOOTSTRAP,
                "RHYTHM_KEYCLOAK_URL", TestInfrastructure.KEYCLOAK_URL,
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
        awaitReady(log);
        return Map.of(
                "rhythm.services.health.url", "http://127.0.0.1:" + PORT,
                // nothing listens on these: the gateway must say so, not hang
                "rhythm.services.nps.url", "http://127.0.0.1:28192",
                "rhythm.services.segmentation.url", "http://127.0.0.1:28193",
                "rhythm.services.planning.url", "http://127.0.0.1:28194",
                "rhythm.services.calendar.url", "http://127.0.0.1:28195");
    }

    private void awaitReady(File log) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("health-service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORT + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("health-service was not ready within 90 s; see " + log);
    }

    @Override
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
