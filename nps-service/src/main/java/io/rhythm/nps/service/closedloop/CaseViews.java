package io.rhythm.nps.service.closedloop;

import io.rhythm.nps.domain.closedloop.StageState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API shows of detractor cases. */
public final class CaseViews {

    private CaseViews() {
    }

    /** One timed stage: its deadline, when it was met, where it stands, and its escalation (once). */
    public record StageView(String stage, Instant dueAt, Instant metAt, StageState state, Instant escalatedAt,
                            String escalatedTo) {
    }

    /** One step of the workflow: who moved the case, when, and the text given (root cause, action plan, note). */
    public record TransitionView(String from, String to, String by, Instant at, String text) {
    }

    /** An append-only note. */
    public record NoteView(UUID id, String author, Instant createdAt, String text) {
    }

    /** A case in a list. */
    public record CaseSummary(UUID id, UUID responseId, UUID cycleId, UUID clientId, String clientName, UUID contactId,
                              int score, String owner, String status, Instant openedAt, List<StageView> stages,
                              boolean breached, boolean escalated, Instant followUpDueAt, Instant followUpRequestedAt,
                              Instant closedAt, Instant submittedAt) {
    }

    /** One case in full: the answer's comment, deadlines, stages met or breached, transitions and notes. */
    public record CaseView(UUID id, UUID responseId, UUID cycleId, UUID clientId, String clientName, UUID contactId,
                           int score, String comment, String owner, String status, String nextStatus, Instant openedAt,
                           List<StageView> stages, boolean breached, boolean escalated, String escalatedTo,
                           String rootCause, String actionPlan, Instant resolvedAt, Instant followUpDueAt,
                           Instant followUpRequestedAt, Instant closedAt, String closedBy,
                           List<TransitionView> transitions, List<NoteView> notes, long version, Instant submittedAt) {
    }
}
