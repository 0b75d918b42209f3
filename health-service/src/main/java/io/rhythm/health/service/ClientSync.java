package io.rhythm.health.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.LifecycleStage;
import io.rhythm.health.domain.OwnerMapping;
import io.rhythm.health.domain.UnmatchedRecord;
import io.rhythm.health.domain.crm.AdaptedRow;
import io.rhythm.health.domain.crm.ClientUpsert;
import io.rhythm.health.domain.crm.RowProblem;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * CRM sync: upserts client rows by their id in the source CRM, each row in its own transaction so
 * one bad row never takes others with it, and nothing of a rejected row is stored. A row whose owner
 * cannot be mapped to a Rhythm user is kept in the unmatched queue, not dropped. Every create or
 * change publishes ClientUpserted; an identical row changes nothing and publishes nothing.
 */
@ApplicationScoped
public class ClientSync {

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    HealthScoring scoring;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    Outcomes outcomes;

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED, UNMATCHED }

    /** @param outcome a churn or renewal the row recorded for backtests, e.g. "CHURNED 2026-09-30" (else null) */
    public record RowResult(int row, Outcome status, String externalId, String clientId, List<RowProblem> errors, String outcome) {

        public RowResult(int row, Outcome status, String externalId, String clientId, List<RowProblem> errors) {
            this(row, status, externalId, clientId, errors, null);
        }
    }

    /** Rows stored per transaction; a chunk that fails is stored again row by row. */
    static final int CHUNK = 100;

    /**
     * Stores the rows a chunk per transaction (one commit, one relay of its events, instead of one per
     * row); if anything in a chunk fails, the chunk is rolled back and its rows are stored one per
     * transaction, so a bad row never takes the others with it and nothing of it is kept.
     */
    public List<RowResult> sync(List<AdaptedRow> rows, List<Map<String, ?>> originals) {
        RowResult[] results = new RowResult[rows.size()];
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).accepted()) {
                accepted.add(i);
            } else {
                results[i] = new RowResult(i, Outcome.REJECTED, null, null, rows.get(i).problems());
            }
        }
        for (int start = 0; start < accepted.size(); start += CHUNK) {
            List<Integer> chunk = accepted.subList(start, Math.min(accepted.size(), start + CHUNK));
            try {
                List<RowResult> stored = QuarkusTransaction.requiringNew().call(() -> {
                    List<RowResult> inChunk = new ArrayList<>(chunk.size());
                    for (int i : chunk) {
                        inChunk.add(upsert(i, rows.get(i).upsert(), originals.get(i)));
                    }
                    return inChunk;
                });
                for (RowResult result : stored) {
                    results[result.row()] = result;
                }
            } catch (RuntimeException chunkFailure) {
                for (int i : chunk) {
                    results[i] = syncOne(i, rows.get(i), originals.get(i));
                }
            }
        }
        return List.of(results);
    }

    private RowResult syncOne(int index, AdaptedRow row, Map<String, ?> original) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> upsert(index, row.upsert(), original));
        } catch (RuntimeException e) {
            return new RowResult(index, Outcome.REJECTED, row.upsert().externalId(), null,
                    List.of(new RowProblem("row", "could not be stored: " + rootMessage(e))));
        }
    }

    private RowResult upsert(int index, ClientUpsert row, Map<String, ?> original) {
        String owner = row.ownerCse();
        if (owner == null) {
            owner = OwnerMapping.usernameFor(row.source(), row.ownerExternalId()).orElse(null);
        }
        if (owner == null) {
            queueUnmatched(row, "owner " + row.ownerExternalId() + " is not mapped to a Rhythm user", original);
            return new RowResult(index, Outcome.UNMATCHED, row.externalId(), null, List.of(new RowProblem("owner",
                    "owner id " + row.ownerExternalId() + " has no Rhythm user: map it with PUT /api/v1/clients/owner-mappings/"
                            + row.source() + "/" + row.ownerExternalId())));
        }
        UUID parent = null;
        if (row.parentExternalId() != null) {
            parent = findByExternalId(row.source(), row.parentExternalId(), false).map(c -> c.id).orElse(null);
            if (parent == null) {
                return new RowResult(index, Outcome.REJECTED, row.externalId(), null, List.of(new RowProblem("parent",
                        "parent account " + row.parentExternalId() + " is not known: send parents before their children")));
            }
        }
        Client client = findByExternalId(row.source(), row.externalId(), true).orElse(null);
        boolean created = client == null;
        if (created) {
            client = new Client();
            client.id = UUID.randomUUID();
            client.createdAt = Instant.now(clock);
            client.lifecycleStage = LifecycleStage.ONBOARDING;
            client.externalIds.put(row.source(), row.externalId());
        }
        java.time.LocalDate storedRenewal = client.renewalDate;
        boolean changed = apply(client, row, owner, parent);
        if (!created && !changed) {
            return new RowResult(index, Outcome.UNCHANGED, row.externalId(), client.id.toString(), List.of(),
                    recordOutcome(client, row, storedRenewal));
        }
        client.updatedAt = Instant.now(clock);
        if (created) {
            client.persist();
        } else {
            client.version++;
        }
        em.flush();
        String outcome = recordOutcome(client, row, created ? null : storedRenewal);
        outbox.publish(EventCatalogue.CLIENT_UPSERTED, client.id.toString(), client.toEvent());
        scoring.rescore(client.id, "client-change", null); // e.g. a new lifecycle stage weighs components differently
        resolveUnmatched(row);
        return new RowResult(index, created ? Outcome.CREATED : Outcome.UPDATED, row.externalId(), client.id.toString(), List.of(),
                outcome);
    }

    /**
     * The outcome a row tells (see the adapters): a former customer churned on its churn date; a renewal
     * date rolled forward by a term from one that had come means a renewal on the stored date.
     */
    private String recordOutcome(Client client, ClientUpsert row, java.time.LocalDate storedRenewal) {
        String by = "crm:" + row.source();
        if (row.churnedOn() != null) {
            outcomes.record(client.id, Outcomes.CHURNED, row.churnedOn(), by);
            return Outcomes.CHURNED + " " + row.churnedOn();
        }
        var renewed = io.rhythm.health.domain.crm.CrmOutcomes.renewedOn(storedRenewal, row.renewalDate(), java.time.LocalDate.now(clock));
        if (renewed.isPresent()) {
            outcomes.record(client.id, Outcomes.RENEWED, renewed.get(), by);
            return Outcomes.RENEWED + " " + renewed.get();
        }
        return null;
    }

    /** Copies the row onto the client; true when anything changed. Absent optional cells keep what is stored. */
    private static boolean apply(Client client, ClientUpsert row, String owner, UUID parent) {
        boolean changed = false;
        changed |= set(client.name, row.name(), v -> client.name = v);
        changed |= set(client.region, row.region(), v -> client.region = v);
        changed |= set(client.ownerCse, owner, v -> client.ownerCse = v);
        if (row.businessUnit() != null) {
            changed |= set(client.businessUnit, row.businessUnit(), v -> client.businessUnit = v);
        }
        if (row.ownerCam() != null) {
            changed |= set(client.ownerCam, row.ownerCam(), v -> client.ownerCam = v);
        }
        if (row.tier() != null) {
            changed |= set(client.tier, row.tier(), v -> client.tier = v);
        }
        if (row.lifecycleStage() != null) {
            changed |= set(client.lifecycleStage, row.lifecycleStage(), v -> client.lifecycleStage = v);
        }
        if (row.customerSince() != null) {
            changed |= set(client.customerSince, row.customerSince(), v -> client.customerSince = v);
        }
        if (row.renewalDate() != null) {
            changed |= set(client.renewalDate, row.renewalDate(), v -> client.renewalDate = v);
        }
        if (row.annualRevenue() != null) {
            changed |= client.arrAmount == null || client.arrAmount.compareTo(row.annualRevenue()) != 0;
            client.arrAmount = row.annualRevenue();
            changed |= set(client.arrCurrency, row.currency(), v -> client.arrCurrency = v);
        }
        if (parent != null) {
            changed |= set(client.parentId, parent, v -> client.parentId = v);
        }
        return changed;
    }

    private static <T> boolean set(T current, T next, java.util.function.Consumer<T> setter) {
        if (Objects.equals(current, next)) {
            return false;
        }
        setter.accept(next);
        return true;
    }

    private java.util.Optional<Client> findByExternalId(String source, String externalId, boolean lock) {
        List<?> ids = em.createNativeQuery("select client_id from client_external_id where source = ?1 and external_id = ?2")
                .setParameter(1, source).setParameter(2, externalId).getResultList();
        if (ids.isEmpty()) {
            return java.util.Optional.empty();
        }
        UUID id = (UUID) ids.get(0);
        return java.util.Optional.ofNullable(lock ? Client.findById(id, LockModeType.PESSIMISTIC_WRITE) : Client.findById(id));
    }

    private void resolveUnmatched(ClientUpsert row) {
        em.createNativeQuery("update unmatched_record set resolved_at = ?1 where source = ?2 and kind = 'client' "
                        + "and external_id = ?3 and resolved_at is null")
                .setParameter(1, Instant.now(clock)).setParameter(2, row.source()).setParameter(3, row.externalId())
                .executeUpdate();
    }

    private void queueUnmatched(ClientUpsert row, String reason, Map<String, ?> original) {
        em.createNativeQuery("""
                        insert into unmatched_record (id, source, kind, external_id, reason, payload, received_at)
                        values (?1, ?2, 'client', ?3, ?4, cast(?5 as jsonb), ?6)
                        on conflict (source, kind, external_id) do update
                        set reason = excluded.reason, payload = excluded.payload, received_at = excluded.received_at,
                            resolved_at = null""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, row.source()).setParameter(3, row.externalId())
                .setParameter(4, reason).setParameter(5, json(original)).setParameter(6, Instant.now(clock))
                .executeUpdate();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
