package io.rhythm.platform.events.payload;

import java.time.Instant;

/** A workflow instance started for a client on a template version (planning-service). */
public record WorkflowStarted(String workflowId, String clientId, String templateKey, int templateVersion,
                              String templateName, String triggerKind, String startedBy, Instant startedAt) {
}
