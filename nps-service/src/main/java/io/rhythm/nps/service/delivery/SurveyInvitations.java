package io.rhythm.nps.service.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.delivery.SurveyTokens;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a cycle's survey to its frozen recipient lists, and reminds those who have not answered.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Only a cycle whose recipient lists are frozen, and that has not closed, is sent (409 otherwise); a closed
 *       cycle gets no reminders either (409).</li>
 *   <li>Every <b>included</b> recipient gets one invitation with a fresh token ({@link SurveyTokens}); only its
 *       SHA-256 is stored. The invitation expires at the end (UTC) of the cycle's close date, or after
 *       {@code rhythm.nps.invitation.ttl} when that is set.</li>
 *   <li><b>Idempotent</b>: a recipient invited once is never invited again, however often sending is repeated
 *       or run concurrently (the invitation row is the guard: {@code on conflict do nothing}).</li>
 *   <li>Each recipient is handled in its own transaction that is committed only once the SMTP server accepted
 *       the e-mail. If SMTP fails, that recipient's invitation is rolled back and sending stops with a 503
 *       problem; sending again resumes with those not yet invited.</li>
 *   <li>Defensive check: a contact that is unsubscribed or inactive in the contact directory <i>now</i> gets no
 *       e-mail, even if the frozen list included them.</li>
 *   <li>Reminders go to invited recipients who have not answered, whose invitation has not expired, who are
 *       still subscribed, and who were not reminded within {@code rhythm.nps.reminder.min-interval} (so a
 *       repeated call or a double click sends nothing twice). The milestone scan sends them by itself on the
 *       REMINDER milestone ({@code CycleAutomation}). A reminder carries a new link; the
 *       invitation's link keeps working — the first answer through any of them uses them all up.</li>
 * </ul>
 */
@ApplicationScoped
public class SurveyInvitations {

    private static final Logger LOG = Logger.getLogger(SurveyInvitations.class);

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory clients;
    @Inject
    SurveyMail mail;
    @Inject
    Clock clock;

    @ConfigProperty(name = "rhythm.nps.invitation.ttl")
    Optional<Duration> ttl;
    @ConfigProperty(name = "rhythm.nps.reminder.min-interval", defaultValue = "24h")
    Duration reminderInterval;

    private final SurveyTokens tokens = new SurveyTokens();

    /** The outcome of sending a cycle's invitations. */
    public record InvitationRun(String cycleId, int included, int invited, int skippedAlreadyInvited,
                                int skippedUnsubscribed, Instant expiresAt) {
    }

    /** The outcome of sending a cycle's reminders. */
    public record ReminderRun(String cycleId, int reminded, int skippedResponded, int skippedUnsubscribed,
                              int skippedRecentlyReminded, int skippedExpired) {
    }

    private record Candidate(UUID contactId, UUID clientId, String name, String email, boolean subscribed,
                             boolean invited) {
    }

    private record Invited(UUID contactId, UUID clientId, String name, String email, Instant expiresAt,
                           Instant respondedAt, Instant remindedAt, boolean subscribed) {
    }

    private record CycleInfo(UUID id, String name, Instant closesAt) {
    }

    /** Invites every included recipient of the cycle not invited yet. */
    public InvitationRun invite(UUID cycleId, String invitedBy) {
        CycleInfo cycle = QuarkusTransaction.requiringNew().call(() -> requireSendable(cycleId));
        Instant now = Instant.now(clock);
        Instant expiresAt = ttl.map(t -> now.plus(t).truncatedTo(ChronoUnit.SECONDS)).orElse(cycle.closesAt());
        List<Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> candidates(cycleId));
        Map<UUID, String> clientNames = new HashMap<>();
        int invited = 0;
        int alreadyInvited = 0;
        int unsubscribed = 0;
        for (Candidate candidate : candidates) {
            if (candidate.invited()) {
                alreadyInvited++;
                continue;
            }
            if (!candidate.subscribed() || candidate.email() == null || candidate.email().isBlank()) {
                unsubscribed++;
                continue;
            }
            String clientName = clientNames.computeIfAbsent(candidate.clientId(), this::clientName);
            boolean sent;
            try {
                sent = QuarkusTransaction.requiringNew().call(() -> inviteOne(cycle, candidate, clientName, invitedBy,
                        expiresAt));
            } catch (RuntimeException e) {
                throw smtpFailure(e, "Invited before the failure: " + invited + ".");
            }
            if (sent) {
                invited++;
            } else {
                alreadyInvited++; // a concurrent send got there first
            }
        }
        LOG.infof("Cycle %s: %d invited, %d already invited, %d unsubscribed/inactive skipped", cycle.name(), invited,
                alreadyInvited, unsubscribed);
        return new InvitationRun(cycleId.toString(), candidates.size(), invited, alreadyInvited, unsubscribed, expiresAt);
    }

    /** Reminds the invited recipients who have not answered (see the class comment). */
    public ReminderRun remind(UUID cycleId) {
        return remind(cycleId, null);
    }

    /**
     * Like {@link #remind(UUID)}, and also skips (as reminded recently) everyone reminded at or after
     * {@code notRemindedSince} when given: the automatic reminder run resumes with its start, so nobody gets its
     * reminder twice.
     */
    public ReminderRun remind(UUID cycleId, Instant notRemindedSince) {
        CycleInfo cycle = QuarkusTransaction.requiringNew().call(() -> requireCycle(cycleId));
        Instant now = Instant.now(clock);
        Instant remindedBefore = now.minus(reminderInterval);
        if (notRemindedSince != null && notRemindedSince.minusNanos(1_000).isBefore(remindedBefore)) {
            remindedBefore = notRemindedSince.minusNanos(1_000); // timestamps are stored in microseconds
        }
        Instant notAfter = remindedBefore;
        List<Invited> invitations = QuarkusTransaction.requiringNew().call(() -> invitations(cycleId));
        Map<UUID, String> clientNames = new HashMap<>();
        int reminded = 0;
        int responded = 0;
        int unsubscribed = 0;
        int recently = 0;
        int expired = 0;
        for (Invited invitation : invitations) {
            if (invitation.respondedAt() != null) {
                responded++;
            } else if (!invitation.expiresAt().isAfter(now)) {
                expired++;
            } else if (!invitation.subscribed()) {
                unsubscribed++;
            } else if (invitation.remindedAt() != null && invitation.remindedAt().isAfter(remindedBefore)) {
                recently++;
            } else {
                String clientName = clientNames.computeIfAbsent(invitation.clientId(), this::clientName);
                boolean sent;
                try {
                    sent = QuarkusTransaction.requiringNew().call(() -> remindOne(cycle, invitation, clientName, now,
                            notAfter));
                } catch (RuntimeException e) {
                    throw smtpFailure(e, "Reminded before the failure: " + reminded + ".");
                }
                if (sent) {
                    reminded++;
                } else {
                    recently++; // answered or reminded meanwhile
                }
            }
        }
        LOG.infof("Cycle %s: %d reminded, %d answered, %d unsubscribed, %d reminded recently, %d expired", cycle.name(),
                reminded, responded, unsubscribed, recently, expired);
        return new ReminderRun(cycleId.toString(), reminded, responded, unsubscribed, recently, expired);
    }

    private boolean inviteOne(CycleInfo cycle, Candidate candidate, String clientName, String invitedBy, Instant expiresAt) {
        Instant now = Instant.now(clock);
        int inserted = em.createNativeQuery("""
                        insert into survey_invitation (cycle_id, contact_id, client_id, email, invited_at, invited_by, expires_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                .setParameter(1, cycle.id()).setParameter(2, candidate.contactId()).setParameter(3, candidate.clientId())
                .setParameter(4, candidate.email()).setParameter(5, Timestamp.from(now)).setParameter(6, invitedBy)
                .setParameter(7, Timestamp.from(expiresAt)).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        String token = issueToken(cycle.id(), candidate.contactId(), "INVITATION", now);
        // inside the transaction: the invitation is committed only if the SMTP server took the e-mail
        mail.send(new SurveyMail.Letter(false, candidate.email(), candidate.name(), clientName, cycle.name(), token, expiresAt));
        return true;
    }

    private boolean remindOne(CycleInfo cycle, Invited invitation, String clientName, Instant now, Instant remindedBefore) {
        int updated = em.createNativeQuery("""
                        update survey_invitation set reminded_at = ?1, reminders = reminders + 1
                        where cycle_id = ?2 and contact_id = ?3 and responded_at is null and expires_at > ?1
                          and (reminded_at is null or reminded_at <= ?4)
                          and exists (select 1 from survey_cycle c where c.id = ?2 and c.status = 'OPEN')""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, cycle.id()).setParameter(3, invitation.contactId())
                .setParameter(4, Timestamp.from(remindedBefore)).executeUpdate();
        if (updated == 0) {
            return false;
        }
        String token = issueToken(cycle.id(), invitation.contactId(), "REMINDER", now);
        mail.send(new SurveyMail.Letter(true, invitation.email(), invitation.name(), clientName, cycle.name(), token,
                invitation.expiresAt()));
        return true;
    }

    private String issueToken(UUID cycleId, UUID contactId, String purpose, Instant now) {
        String token = tokens.newToken();
        em.createNativeQuery("""
                        insert into survey_token (token_hash, cycle_id, contact_id, purpose, issued_at)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, SurveyTokens.hash(token)).setParameter(2, cycleId).setParameter(3, contactId)
                .setParameter(4, purpose).setParameter(5, Timestamp.from(now)).executeUpdate();
        return token;
    }

    private List<Candidate> candidates(UUID cycleId) {
        List<?> rows = em.createNativeQuery("""
                        select r.contact_id, r.client_id, r.name, r.email,
                               coalesce(cd.subscribed and cd.active, false), i.contact_id is not null
                        from recipient r
                        left join contact_directory cd on cd.contact_id = r.contact_id
                        left join survey_invitation i on i.cycle_id = r.cycle_id and i.contact_id = r.contact_id
                        where r.cycle_id = ?1 and r.included
                        order by r.client_id, r.name, r.contact_id""")
                .setParameter(1, cycleId).getResultList();
        return rows.stream().map(row -> {
            Object[] c = (Object[]) row;
            return new Candidate((UUID) c[0], (UUID) c[1], (String) c[2], (String) c[3], (Boolean) c[4], (Boolean) c[5]);
        }).toList();
    }

    private List<Invited> invitations(UUID cycleId) {
        List<?> rows = em.createNativeQuery("""
                        select i.contact_id, i.client_id, r.name, i.email, i.expires_at, i.responded_at, i.reminded_at,
                               coalesce(cd.subscribed and cd.active, false)
                        from survey_invitation i
                        join recipient r on r.cycle_id = i.cycle_id and r.contact_id = i.contact_id
                        left join contact_directory cd on cd.contact_id = i.contact_id
                        where i.cycle_id = ?1
                        order by i.client_id, r.name, i.contact_id""")
                .setParameter(1, cycleId).getResultList();
        return rows.stream().map(row -> {
            Object[] c = (Object[]) row;
            return new Invited((UUID) c[0], (UUID) c[1], (String) c[2], (String) c[3], SqlValues.instant(c[4]),
                    SqlValues.instant(c[5]), SqlValues.instant(c[6]), (Boolean) c[7]);
        }).toList();
    }

    private CycleInfo requireCycle(UUID cycleId) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        if (cycle.isClosed()) {
            throw ApiException.conflict(cycle.name + " was closed at " + cycle.closedAt + ": no reminders are sent after it");
        }
        external(cycle, "reminders");
        return new CycleInfo(cycle.id, cycle.name, closesAt(cycle));
    }

    private CycleInfo requireSendable(UUID cycleId) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        external(cycle, "invitations");
        if (cycle.recipientsFrozenAt == null) {
            throw ApiException.conflict("The recipient lists of " + cycle.name + " are not frozen yet: build, sign off "
                    + "and freeze them (POST …/recipients/freeze) before sending invitations");
        }
        if (cycle.isClosed()) {
            throw ApiException.conflict(cycle.name + " was closed at " + cycle.closedAt + ": no invitations are sent after it");
        }
        Instant closesAt = closesAt(cycle);
        if (!Instant.now(clock).isBefore(closesAt)) {
            throw ApiException.conflict(cycle.name + " closed on " + cycle.closeDate + ": no invitations are sent after it");
        }
        return new CycleInfo(cycle.id, cycle.name, closesAt);
    }

    /** 409 for a cycle delivered by another tool (issue 17): Rhythm sends nothing of it. */
    private static void external(SurveyCycle cycle, String what) {
        if (cycle.isExternallyDelivered()) {
            throw ApiException.conflict(cycle.name + " is delivered by " + cycle.deliveryTool + ": Rhythm sends no " + what
                    + "; export the list (GET …/recipients/export) or the pull (GET …/recipients/non-responders/export) instead");
        }
    }

    /** The end of the close date in UTC: the first instant after it. */
    static Instant closesAt(SurveyCycle cycle) {
        return cycle.closeDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private String clientName(UUID clientId) {
        return clients.find(clientId).map(DirectoryEntry::name).orElse("your organisation");
    }

    private static ApiException smtpFailure(RuntimeException e, String progress) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SurveyMail.MailDeliveryException delivery) {
                return new ApiException(ProblemType.SERVICE_UNAVAILABLE, delivery.getMessage() + " " + progress);
            }
            if (cause instanceof ApiException api) {
                return api;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        throw e;
    }
}
