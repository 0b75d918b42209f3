package io.rhythm.platform.events.payload;

import java.time.LocalDate;

/** The active step of a workflow instance passed its due date (published once per step and due date). */
public record WorkflowStepOverdue(String workflowId, String clientId, String templateKey, int position, String stepName,
                                  String assigneeRole, LocalDate dueOn) {
}
