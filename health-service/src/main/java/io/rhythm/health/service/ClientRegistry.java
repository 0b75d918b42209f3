package io.rhythm.health.service;

import io.rhythm.health.domain.Client;

import io.rhythm.health.api.ClientRequest;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates and changes clients; every change is published as ClientUpserted in the same transaction. */
@ApplicationScoped
public class ClientRegistry {

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    HealthScoring scoring;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Client create(ClientRequest request) {
        requireCustomerSinceNotAhead(request);
        requireExternalIdsFree(request.externalIds(), null);
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.createdAt = Instant.now(clock);
        apply(client, request);
        client.persist();
        return publish(client);
    }

    /**
     * Replaces a client if {@code ifMatch} names its current version. The row stays locked until the
     * transaction ends, so two concurrent replacements cannot both pass the check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Client replace(UUID id, String ifMatch, ClientRequest request) {
        Client client = Client.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (client == null) {
            throw ApiException.notFound("Client", id);
        }
        Versions.requireMatch(ifMatch, client.version);
        requireCustomerSinceNotAhead(request);
        requireExternalIdsFree(request.externalIds(), client.id);
        apply(client, request);
        client.version++;
        return publish(client);
    }

    private Client publish(Client client) {
        em.flush();
        outbox.publish(EventCatalogue.CLIENT_UPSERTED, client.id.toString(), client.toEvent());
        scoring.rescore(client.id, "client-change", null); // e.g. a new lifecycle stage weighs components differently
        return client;
    }

    private void apply(Client client, ClientRequest request) {
        client.name = request.name().strip();
        client.region = request.region().strip();
        client.businessUnit = request.businessUnit();
        client.ownerCse = request.ownerCse();
        client.ownerCam = request.ownerCam();
        client.tier = request.tier();
        client.lifecycleStage = request.lifecycleStage();
        client.renewalDate = request.renewalDate();
        client.customerSince = request.customerSince();
        client.arrAmount = request.annualRevenue() == null ? null
                : request.annualRevenue().amount().setScale(2, RoundingMode.HALF_EVEN);
        client.arrCurrency = request.annualRevenue() == null ? null : request.annualRevenue().currency();
        client.externalIds.clear();
        if (request.externalIds() != null) {
            client.externalIds.putAll(request.externalIds());
        }
        client.updatedAt = Instant.now(clock);
    }

    /** A client cannot have become a customer after today (a typo'd year would make it "new" for years). */
    private void requireCustomerSinceNotAhead(ClientRequest request) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        if (request.customerSince() != null && request.customerSince().isAfter(today)) {
            throw ApiException.invalid("customerSince", "must not be in the future (today is " + today + ")");
        }
    }

    /** An external id names one client only: a second client claiming it is a 409 naming the holder. */
    private void requireExternalIdsFree(Map<String, String> externalIds, UUID self) {
        if (externalIds == null || externalIds.isEmpty()) {
            return;
        }
        List<FieldError> taken = new ArrayList<>();
        externalIds.forEach((source, externalId) -> {
            List<?> holders = em.createNativeQuery(
                            "select cast(client_id as text) from client_external_id where source = ?1 and external_id = ?2")
                    .setParameter(1, source).setParameter(2, externalId).getResultList();
            holders.stream().map(Object::toString).filter(holder -> self == null || !holder.equals(self.toString()))
                    .findFirst()
                    .ifPresent(holder -> taken.add(new FieldError("externalIds." + source,
                            "'" + externalId + "' already identifies client " + holder)));
        });
        if (!taken.isEmpty()) {
            throw new ApiException(io.rhythm.platform.web.problem.ProblemType.CONFLICT,
                    "External ids already belong to another client", taken);
        }
    }
}
