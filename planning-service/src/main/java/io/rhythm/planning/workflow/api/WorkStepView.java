package io.rhythm.planning.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** One step waiting in a work list: the active step of a running workflow. */
public record WorkStepView(String workflowId, String clientId, String clientName, String templateKey, String workflowName,
                           int position, String stepName, String type, String assigneeRole,
                           @Schema(description = "INTERNAL: yours to complete; CLIENT: waiting on the client (send or "
                                   + "chase the link)") String side,
                           LocalDate dueOn, boolean overdue,
                           @Schema(description = "Days until the due date as of asOf; negative when overdue") long daysUntilDue) {
}
