package io.rhythm.nps.service.closedloop;

import io.rhythm.nps.domain.NpsCategory;
import io.rhythm.nps.domain.closedloop.FollowUpKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Starts the closed loop for a recorded answer, in the recording's transaction (called by
 * ResponseRecorder, the single recording path): a detractor opens a case, a passive or promoter gets its
 * follow-up. Idempotent per answer.
 */
@ApplicationScoped
public class ClosedLoop {

    @Inject
    DetractorCases cases;
    @Inject
    ResponseFollowUps followUps;
    @Inject
    Clock clock;

    /** An answer submitted now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void responseRecorded(UUID responseId, UUID cycleId, UUID clientId, UUID contactId, int score) {
        responseRecorded(responseId, cycleId, clientId, contactId, score, Instant.now(clock));
    }

    /** An answer submitted at {@code submittedAt}: a detractor case's clocks start then (issue 17). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void responseRecorded(UUID responseId, UUID cycleId, UUID clientId, UUID contactId, int score, Instant submittedAt) {
        Instant now = Instant.now(clock);
        NpsCategory category = NpsCategory.of(score);
        if (category == NpsCategory.DETRACTOR) {
            cases.open(responseId, cycleId, clientId, contactId, score, submittedAt, now);
        } else {
            FollowUpKind.of(category).ifPresent(kind ->
                    followUps.create(kind, responseId, cycleId, clientId, contactId, score, now));
        }
    }
}
