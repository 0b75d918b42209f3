package io.rhythm.platform.events.payload;

import java.time.Instant;

/**
 * A detractor (score 0–6) answered and a closed-loop case was opened for the answer (nps-service), with
 * the seed 001 detractor protocol's deadlines: outreach within 24 h, root cause by 48 h, action plan by
 * 72 h after opening. Key = {@code clientId}. {@code cycleId} is null for an answer outside a cycle
 * (triggered surveys); {@code owner} is the client's owner CSE, or null while the client has none
 * (the case is then unassigned and seen by leaders).
 */
public record DetractorCaseOpened(String caseId, String responseId, String cycleId, String clientId, String contactId,
                                  int score, String owner, Instant openedAt, Instant outreachDueAt,
                                  Instant rootCauseDueAt, Instant actionPlanDueAt) {
}
