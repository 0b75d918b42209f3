package io.rhythm.gateway.views;

import io.rhythm.gateway.views.downstream.ServiceCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Starts a {@link Composition} for one caller with the configured deadline ({@code rhythm.views.deadline}). */
@ApplicationScoped
public class Compositions {

    @Inject
    ServiceCalls calls;
    @ConfigProperty(name = "rhythm.views.deadline", defaultValue = "900ms")
    Duration deadline;

    public Composition begin(String authorization, String correlationId) {
        return new Composition(calls, authorization, correlationId, deadline);
    }
}
