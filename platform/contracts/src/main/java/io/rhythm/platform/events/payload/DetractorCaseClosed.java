package io.rhythm.platform.events.payload;

import java.time.Instant;
import java.util.List;

/**
 * A detractor case was closed after its resolution and follow-up (nps-service): what was found and
 * planned, and which protocol stages were missed on the way. Key = {@code clientId}.
 */
public record DetractorCaseClosed(String caseId, String responseId, String clientId, String owner, Instant openedAt,
                                  Instant resolvedAt, Instant closedAt, String closedBy, String rootCause,
                                  String actionPlan, List<String> breachedStages) {
}
