package io.rhythm.health.service;

import io.rhythm.health.domain.Client;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Loads a client for the current caller: 404 when it does not exist or is outside the caller's portfolio. */
@ApplicationScoped
public class ClientAccess {

    @Inject
    Caller caller;

    public Client visible(UUID id) {
        Client client = Client.findById(id);
        if (client == null) {
            throw ApiException.notFound("Client", id);
        }
        caller.requireVisible(client.ownership(), "Client", id);
        return client;
    }
}
