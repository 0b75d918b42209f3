package io.rhythm.nps.service.triggers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.nps.domain.delivery.SurveyTokens;
import io.rhythm.nps.domain.triggers.SendDecision;
import io.rhythm.nps.domain.triggers.SurveyKind;
import io.rhythm.nps.service.delivery.SurveyMail;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Surveys outside the cycles ("survey sends"): one per (kind, reference), to one contact.
 *
 * <ul>
 *   <li>{@link #schedule} records a send, idempotently on (kind, reference): scheduling the same occasion again
 *       returns the existing send and changes nothing. The detractor loop calls it for the 30-day follow-up
 *       ({@code DETRACTOR_FOLLOW_UP}, reference = the case id).</li>
 *   <li>{@link #sendDue} sends every scheduled send that is due, each in its own transaction, committed only
 *       once the SMTP server took the e-mail (like cycle invitations). {@link SendDecision} decides: send with a
 *       single-use expiring link (only the token's SHA-256 is stored), wait for the minimum interval
 *       ({@code rhythm.nps.survey.min-interval}), or skip with a reason that stays on the send.</li>
 *   <li>Sends due at the same time go in {@link SurveyKind#BY_PRIORITY} order: the occasion-bound ones first, the
 *       quarterly relationship survey (which has the whole quarter) last — so it is the one that waits.</li>
 *   <li>The minimum interval counts the contact's cycle invitations and every send; a per-contact advisory lock
 *       keeps two sends to one contact from both passing the check at once.</li>
 * </ul>
 */
@ApplicationScoped
public class SurveySends {

    private static final Logger LOG = Logger.getLogger(SurveySends.class);
    private static final int BATCH = 500;

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory clients;
    @Inject
    SurveyMail mail;
    @Inject
    Clock clock;

    @ConfigProperty(name = "rhythm.nps.survey.min-interval", defaultValue = "30d")
    Duration minInterval;
    @ConfigProperty(name = "rhythm.nps.survey.link-ttl", defaultValue = "14d")
    Duration linkTtl;

    private final SurveyTokens tokens = new SurveyTokens();

    /** The result of scheduling: the send's id and whether this call created it. */
    public record Scheduled(UUID sendId, boolean created) {
    }

    /** Counts of one run of {@link #sendDue}. */
    public record SendRun(int sent, int waiting, int skipped) {
    }

    /**
     * Records a survey of {@code kind} for a contact, due at {@code dueAt}; idempotent on (kind, reference).
     * Public for the detractor loop's follow-up survey. Joins the caller's transaction or starts one.
     */
    public Scheduled schedule(SurveyKind kind, UUID clientId, UUID contactId, Instant dueAt, String reference) {
        return schedule(kind, clientId, contactId, dueAt, reference, kind.defaultWindowEnd(dueAt), "system");
    }

    public Scheduled schedule(SurveyKind kind, UUID clientId, UUID contactId, Instant dueAt, String reference,
                              Instant windowEndsAt, String createdBy) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(dueAt, "dueAt");
        if (reference == null || reference.isBlank() || reference.length() > 300) {
            throw new IllegalArgumentException("reference must be 1-300 characters");
        }
        Instant window = windowEndsAt.isBefore(dueAt) ? dueAt : windowEndsAt;
        return QuarkusTransaction.joiningExisting().call(() -> {
            UUID id = UUID.randomUUID();
            int inserted = em.createNativeQuery("""
                            insert into survey_send (id, kind, reference, client_id, contact_id, due_at, window_ends_at, status,
                                created_at, created_by)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'SCHEDULED', ?8, ?9) on conflict (kind, reference) do nothing""")
                    .setParameter(1, id).setParameter(2, kind.name()).setParameter(3, reference).setParameter(4, clientId)
                    .setParameter(5, contactId).setParameter(6, Timestamp.from(dueAt)).setParameter(7, Timestamp.from(window))
                    .setParameter(8, Timestamp.from(Instant.now(clock))).setParameter(9, createdBy).executeUpdate();
            if (inserted == 1) {
                return new Scheduled(id, true);
            }
            return new Scheduled(find(kind, reference).orElseThrow(), false);
        });
    }

    /** The id of the send of (kind, reference), if any. */
    public java.util.Optional<UUID> find(SurveyKind kind, String reference) {
        return em.createNativeQuery("select id from survey_send where kind = ?1 and reference = ?2")
                .setParameter(1, kind.name()).setParameter(2, reference).getResultList().stream().map(UUID.class::cast).findFirst();
    }

    /**
     * Sends what is due now (of one client, or all when {@code clientId} is null).
     *
     * @throws ApiException 503 when the SMTP server does not take an e-mail (that send stays scheduled)
     */
    public SendRun sendDue(UUID clientId) {
        Instant now = Instant.now(clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select id from survey_send where status = 'SCHEDULED' and due_at <= ?1
                          and (cast(?2 as uuid) is null or client_id = ?2)
                        order by due_at, array_position(cast(?4 as text[]), kind), id limit ?3""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, clientId).setParameter(3, BATCH)
                .setParameter(4, SurveyKind.BY_PRIORITY).getResultList().stream().map(UUID.class::cast).toList());
        int sent = 0;
        int waiting = 0;
        int skipped = 0;
        for (UUID id : due) {
            SendDecision.Action action;
            try {
                action = sendOne(id);
            } catch (RuntimeException e) {
                throw smtpFailure(e, "Sent before the failure: " + sent + ".");
            }
            if (action == SendDecision.Action.SEND) {
                sent++;
            } else if (action == SendDecision.Action.WAIT) {
                waiting++;
            } else if (action == SendDecision.Action.SKIP) {
                skipped++;
            }
        }
        if (!due.isEmpty()) {
            LOG.infof("Triggered surveys: %d sent, %d waiting for the minimum interval, %d skipped", sent, waiting, skipped);
        }
        return new SendRun(sent, waiting, skipped);
    }

    /** Sends (or defers, or skips) one scheduled send if it is due; null when it is not (or no longer) scheduled. */
    public SendDecision.Action sendOne(UUID sendId) {
        return QuarkusTransaction.requiringNew().call(() -> decideAndSend(sendId));
    }

    private SendDecision.Action decideAndSend(UUID sendId) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<?> rows = em.createNativeQuery("""
                        select s.kind, s.client_id, s.contact_id, s.window_ends_at, cd.contact_id is not null, coalesce(cd.active, false),
                               coalesce(cd.subscribed, false), cd.email, cd.name
                        from survey_send s left join contact_directory cd on cd.contact_id = s.contact_id
                        where s.id = ?1 and s.status = 'SCHEDULED' and s.due_at <= ?2
                        for update of s skip locked""")
                .setParameter(1, sendId).setParameter(2, Timestamp.from(now)).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] c = (Object[]) rows.get(0);
        SurveyKind kind = SurveyKind.valueOf((String) c[0]);
        UUID clientId = (UUID) c[1];
        UUID contactId = (UUID) c[2];
        Instant windowEnds = SqlValues.instant(c[3]);
        String email = (String) c[7];
        // one contact at a time: two sends cannot both pass the minimum-interval check
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 7))").setParameter(1, contactId.toString())
                .getSingleResult();
        SendDecision.Outcome outcome = SendDecision.decide(new SendDecision.Contact((Boolean) c[4], (Boolean) c[5],
                (Boolean) c[6], email), lastSurveyed(contactId, sendId), minInterval, now, windowEnds);
        switch (outcome.action()) {
            case SKIP -> em.createNativeQuery("""
                            update survey_send set status = 'SKIPPED', skip_reason = ?1, skip_detail = ?2, email = ?3 where id = ?4""")
                    .setParameter(1, outcome.reason().name()).setParameter(2, outcome.detail()).setParameter(3, email)
                    .setParameter(4, sendId).executeUpdate();
            case WAIT -> em.createNativeQuery("update survey_send set due_at = ?1, skip_detail = ?2 where id = ?3")
                    .setParameter(1, Timestamp.from(outcome.waitUntil())).setParameter(2, "waiting: " + outcome.detail())
                    .setParameter(3, sendId).executeUpdate();
            case SEND -> {
                String token = tokens.newToken();
                Instant expiresAt = now.plus(linkTtl).truncatedTo(ChronoUnit.SECONDS);
                em.createNativeQuery("""
                                update survey_send set status = 'SENT', token_hash = ?1, email = ?2, sent_at = ?3, expires_at = ?4,
                                    skip_detail = null where id = ?5""")
                        .setParameter(1, SurveyTokens.hash(token)).setParameter(2, email.strip()).setParameter(3, Timestamp.from(now))
                        .setParameter(4, Timestamp.from(expiresAt)).setParameter(5, sendId).executeUpdate();
                String clientName = clients.find(clientId).map(DirectoryEntry::name).orElse("your organisation");
                // inside the transaction: the send is recorded as sent only if the SMTP server took the e-mail
                mail.send(new SurveyMail.Letter(false, email.strip(), (String) c[8], clientName, kind.title(), token, expiresAt));
            }
        }
        return outcome.action();
    }

    /** When the contact was last surveyed: the latest cycle invitation or send (other than this one). */
    private Instant lastSurveyed(UUID contactId, UUID exceptSend) {
        Object value = em.createNativeQuery("""
                        select greatest(
                            (select max(invited_at) from survey_invitation where contact_id = ?1),
                            (select max(sent_at) from survey_send where contact_id = ?1 and id <> ?2))""")
                .setParameter(1, contactId).setParameter(2, exceptSend).getSingleResult();
        return SqlValues.instant(value);
    }

    private static ApiException smtpFailure(RuntimeException e, String progress) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SurveyMail.MailDeliveryException delivery) {
                return new ApiException(ProblemType.SERVICE_UNAVAILABLE, delivery.getMessage() + " " + progress);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        throw e;
    }
}
