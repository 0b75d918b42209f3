package io.rhythm.platform.events.payload;

import java.time.Instant;

/**
 * A detractor case missed one stage of its protocol (OUTREACH 24 h, ROOT_CAUSE 48 h, ACTION_PLAN 72 h)
 * and is escalated to the owner's leader role (nps-service). Published once per missed stage. Key =
 * {@code clientId}. {@code owner} is null for an unassigned case.
 */
public record DetractorCaseEscalated(String caseId, String responseId, String clientId, String owner, String status,
                                     String missedStage, Instant dueAt, String escalatedTo, Instant escalatedAt) {
}
