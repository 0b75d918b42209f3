package io.rhythm.nps.service.delivery;

import io.rhythm.nps.domain.NpsCategory;
import io.rhythm.nps.domain.delivery.SurveyTokens;
import io.rhythm.nps.domain.triggers.SurveyKind;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Answers through survey links: shows the question for a token and records the one answer it allows.
 *
 * <p>A token is looked up by its SHA-256. Unknown (or malformed) → 404; the invitation already answered →
 * 409 (whichever of its links was used); past the invitation's expiry, or once the cycle is closed → 410 Gone. The answer, its automatic
 * analysis (themes, sentiment), the invitation marked answered and the {@code SurveyResponseSubmitted}
 * event are one transaction; the invitation row is locked first, so two simultaneous answers cannot both win, and the
 * cycle row is locked shared, so the cycle cannot close between the check and the answer.
 */
@ApplicationScoped
public class SurveyResponses {

    public static final int COMMENT_MAX_LENGTH = 2000;
    public static final String CHANNEL = "SURVEY_LINK";

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory clients;
    @Inject
    SurveyMail mail;
    @Inject
    ResponseRecorder recorder;
    @Inject
    Clock clock;

    /** What the respondent sees. */
    /** {@code cycleName} is the survey's name (a cycle's, or a triggered survey's title); {@code surveyKind} and
     * {@code surveyType} (RELATIONSHIP / TRANSACTIONAL) are set for surveys sent outside the cycles. */
    public record Question(String question, Scale scale, String cycleName, String clientName, int commentMaxLength,
                           Instant expiresAt, String surveyKind, String surveyType) {
    }

    /** The 0–10 scale and its ends. */
    public record Scale(int min, int max, String minLabel, String maxLabel) {
    }

    /** The recorded answer, as the respondent is told. */
    public record Receipt(String responseId, int score, String message, Instant respondedAt) {
    }

    private record Invitation(UUID cycleId, UUID contactId, UUID clientId, String cycleName, Instant expiresAt,
                              Instant respondedAt, UUID sendId, SurveyKind kind) {
    }

    /** Thrown for an expired link: 410 Gone (no platform problem type has that status). */
    public static final class ExpiredLink extends RuntimeException {
        public ExpiredLink(String message) {
            super(message, null, false, false);
        }
    }

    @Transactional
    public Question question(String token) {
        Invitation invitation = usable(token, false);
        String clientName = clients.find(invitation.clientId()).map(DirectoryEntry::name).orElse(null);
        return new Question(mail.question(), new Scale(NpsCategory.MIN_SCORE, NpsCategory.MAX_SCORE, "Not at all likely",
                "Extremely likely"), invitation.cycleName(), clientName, COMMENT_MAX_LENGTH, invitation.expiresAt(),
                invitation.kind() == null ? null : invitation.kind().name(),
                invitation.kind() == null ? null : invitation.kind().type().name());
    }

    /** Records the answer; the score and comment must have been validated. */
    @Transactional
    public Receipt answer(String token, int score, String comment) {
        Invitation invitation = usable(token, true);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        UUID responseId = recorder.record(invitation.cycleId(), invitation.sendId(), invitation.clientId(), invitation.contactId(),
                score, comment, CHANNEL, now);
        return new Receipt(responseId.toString(), score, "Thank you: your answer was recorded.", now);
    }

    /** The invitation behind a token, if it can still be answered (locked when {@code lock}). */
    private Invitation usable(String token, boolean lock) {
        if (!SurveyTokens.isWellFormed(token)) {
            throw unknown();
        }
        List<?> rows = em.createNativeQuery("""
                        select i.cycle_id, i.contact_id, i.client_id, c.name, i.expires_at, i.responded_at, c.status, c.closed_at
                        from survey_token t
                        join survey_invitation i on i.cycle_id = t.cycle_id and i.contact_id = t.contact_id
                        join survey_cycle c on c.id = i.cycle_id
                        where t.token_hash = ?1""" + (lock ? " for update of i for share of c" : ""))
                .setParameter(1, SurveyTokens.hash(token)).getResultList();
        Invitation invitation;
        if (rows.isEmpty()) {
            invitation = send(token, lock);
        } else {
            Object[] c = (Object[]) rows.get(0);
            invitation = new Invitation((UUID) c[0], (UUID) c[1], (UUID) c[2], (String) c[3],
                    SqlValues.instant(c[4]), SqlValues.instant(c[5]), null, null);
            if (io.rhythm.nps.domain.SurveyCycle.CLOSED.equals(c[6])) {
                throw new ExpiredLink(invitation.cycleName() + " closed at " + SqlValues.instant(c[7]) + ": this survey no longer "
                        + "takes answers, and its links stopped working when it closed.");
            }
        }
        if (invitation.respondedAt() != null) {
            throw ApiException.conflict("This survey link has already been used: an answer was recorded at "
                    + invitation.respondedAt() + ". Each invitation takes one answer.");
        }
        if (!Instant.now(clock).isBefore(invitation.expiresAt())) {
            throw new ExpiredLink("This survey link expired at " + invitation.expiresAt() + " (" + invitation.cycleName()
                    + (invitation.sendId() == null ? " has closed)." : " is no longer open)."));
        }
        return invitation;
    }

    /** A survey sent outside the cycles (triggered), by its token; 404 when there is none. */
    private Invitation send(String token, boolean lock) {
        List<?> rows = em.createNativeQuery("select s.id, s.contact_id, s.client_id, s.kind, s.expires_at, s.responded_at "
                        + "from survey_send s where s.token_hash = ?1 and s.status in ('SENT', 'ANSWERED')" + (lock ? " for update" : ""))
                .setParameter(1, SurveyTokens.hash(token)).getResultList();
        if (rows.isEmpty()) {
            throw unknown();
        }
        Object[] c = (Object[]) rows.get(0);
        SurveyKind kind = SurveyKind.valueOf((String) c[3]);
        return new Invitation(null, (UUID) c[1], (UUID) c[2], kind.title(), SqlValues.instant(c[4]), SqlValues.instant(c[5]),
                (UUID) c[0], kind);
    }

    private static ApiException unknown() {
        return new ApiException(ProblemType.NOT_FOUND,
                "This survey link is not valid: check that the whole link from the e-mail was used");
    }
}
