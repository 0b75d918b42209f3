package io.rhythm.platform.events.payload;

import java.time.Instant;

/** A step of a workflow instance was completed; {@code outcome} for approvals and decisions (planning-service). */
public record WorkflowStepCompleted(String workflowId, String clientId, String templateKey, int position,
                                    String stepName, String stepType, String completedBy, String outcome,
                                    boolean byClientLink, Instant completedAt) {
}
