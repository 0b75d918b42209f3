package io.rhythm.platform.events.payload;

import java.time.Instant;

/**
 * A detractor (score 0–6) answered and a closed-loop case was opened for the answer (nps-service), with
 * the seed 001 detractor protocol's deadlines: outreach within 24 h, root cause by 48 h, action plan by
 * 72 h after the answer was submitted. Key = {@code clientId}. {@code cycleId} is null for an answer outside a cycle
 * (triggered surveys); {@code owner} is the client's owner CSE, or null while the client has none
 * (the case is then unassigned and seen by leaders). {@code submittedAt}: when the customer answered — the deadlines
 * run from it, so an answer imported late opens its case already breached; {@code openedAt} is when Rhythm received
 * it (null {@code submittedAt} in events published before this field existed: the clocks started at openedAt).
 */
public record DetractorCaseOpened(String caseId, String responseId, String cycleId, String clientId, String contactId,
                                  int score, String owner, Instant openedAt, Instant outreachDueAt,
                                  Instant rootCauseDueAt, Instant actionPlanDueAt, Instant submittedAt) {
}
