package io.rhythm.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Put on every {@code @QuarkusTest} of a data-owning service
 * ({@code @QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)}):
 * the application boots only once PostgreSQL, Kafka and Keycloak answer. Ports come from the
 * {@code %test} profile defaults of the platform libraries.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureRunning();
        return Map.of();
    }

    @Override
    public void stop() {
        // The launcher owns the processes: ./rhythm test stops them after the whole suite.
    }
}
