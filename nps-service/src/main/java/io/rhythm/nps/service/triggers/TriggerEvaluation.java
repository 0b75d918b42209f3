package io.rhythm.nps.service.triggers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rhythm.nps.domain.triggers.TriggerRules;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.clients.ContactEntry;
import io.rhythm.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Evaluates the survey triggers ({@link TriggerRules}) over the client and contact projections and sends what
 * is due ({@link SurveySends}). Runs on {@code rhythm.nps.triggers.cron} (hourly; off in tests, which call
 * {@link #evaluate} directly) and on demand through the API. Idempotent: a second run on the same day
 * schedules nothing new.
 *
 * <p>Tenure: from the registry's {@code customerSince} (the CRM's "became a customer" date or set in Rhythm; kept by
 * {@link io.rhythm.nps.service.ClientTenures}) when known — the quarterly survey from day 91, the onboarding survey
 * on day 30. Without it nps-service falls back to what it recorded in {@code client_tenure} the first time it saw the
 * client — a client in the ONBOARDING stage started that day; a client in any other stage was established before
 * (tenure counts as over 90 days, no onboarding survey).
 */
@ApplicationScoped
public class TriggerEvaluation {

    private static final Logger LOG = Logger.getLogger(TriggerEvaluation.class);

    @Inject
    EntityManager em;
    @Inject
    ContactDirectory contacts;
    @Inject
    SurveySends sends;
    @Inject
    Clock clock;

    /** The outcome of one evaluation. */
    public record EvaluationRun(LocalDate evaluatedOn, int clientsEvaluated, int scheduled, int sent, int waiting,
                                int skipped) {
    }

    private record ClientRow(UUID clientId, String lifecycleStage, LocalDate renewalDate, LocalDate customerSince) {
    }

    @Scheduled(cron = "${rhythm.nps.triggers.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            evaluate(null, "scheduler");
        } catch (RuntimeException e) {
            LOG.warnf("Survey trigger evaluation failed (retried on the next run): %s", e.getMessage());
        }
    }

    /** Schedules the due triggered surveys of one client (or all when null) and sends what is due. */
    public EvaluationRun evaluate(UUID onlyClient, String by) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<ClientRow> clientRows = QuarkusTransaction.requiringNew().call(() -> clients(onlyClient));
        int scheduled = 0;
        for (ClientRow client : clientRows) {
            int created = QuarkusTransaction.requiringNew().call(() -> evaluateClient(client, today, now, by));
            scheduled += created;
        }
        SurveySends.SendRun run = sends.sendDue(onlyClient);
        return new EvaluationRun(today, clientRows.size(), scheduled, run.sent(), run.waiting(), run.skipped());
    }

    private int evaluateClient(ClientRow client, LocalDate today, Instant now, String by) {
        LocalDate startedOn = client.customerSince() != null ? client.customerSince() : tenure(client, today, now);
        List<TriggerRules.Due> due = TriggerRules.due(new TriggerRules.ClientFacts(client.clientId(), startedOn,
                client.renewalDate()), today);
        if (due.isEmpty()) {
            return 0;
        }
        int created = 0;
        List<ContactEntry> people = contacts.ofClient(client.clientId(), false);
        for (TriggerRules.Due d : due) {
            for (ContactEntry contact : people) {
                Instant dueAt = TriggerRules.startOf(d.dueOn());
                if (sends.schedule(d.kind(), client.clientId(), contact.contactId(), dueAt.isAfter(now) ? dueAt : now,
                        d.occasion() + "/" + contact.contactId(), TriggerRules.startOf(d.windowEnds()), by).created()) {
                    created++;
                }
            }
        }
        return created;
    }

    /** The client's start date (null: established before first seen), recording it on first sight. */
    private LocalDate tenure(ClientRow client, LocalDate today, Instant now) {
        boolean onboarding = "ONBOARDING".equalsIgnoreCase(client.lifecycleStage());
        em.createNativeQuery("""
                        insert into client_tenure (client_id, started_on, source, first_seen_at) values (?1, cast(?2 as date), ?3, ?4)
                        on conflict (client_id) do nothing""")
                .setParameter(1, client.clientId()).setParameter(2, onboarding ? Date.valueOf(today) : null)
                .setParameter(3, onboarding ? "FIRST_SEEN_ONBOARDING" : "ESTABLISHED").setParameter(4, Timestamp.from(now))
                .executeUpdate();
        Object started = em.createNativeQuery("select started_on from client_tenure where client_id = ?1")
                .setParameter(1, client.clientId()).getSingleResult();
        return SqlValues.localDate(started);
    }

    private List<ClientRow> clients(UUID onlyClient) {
        List<?> rows = em.createNativeQuery("""
                        select d.client_id, d.lifecycle_stage, d.renewal_date, s.customer_since from client_directory d
                        left join client_customer_since s on s.client_id = d.client_id
                        where cast(?1 as uuid) is null or d.client_id = ?1 order by d.client_id""")
                .setParameter(1, onlyClient).getResultList();
        return rows.stream().map(row -> {
            Object[] c = (Object[]) row;
            return new ClientRow((UUID) c[0], (String) c[1], SqlValues.localDate(c[2]), SqlValues.localDate(c[3]));
        }).toList();
    }
}
