package io.rhythm.planning.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * One item waiting in a work list: the active step of a running workflow ({@code kind} WORKFLOW_STEP), or an overdue
 * Satisfaction Action Plan update or review ({@code kind} SAP_UPDATE / SAP_REVIEW, with {@code sapId}; no workflow).
 */
public record WorkStepView(@Schema(description = "WORKFLOW_STEP, SAP_UPDATE (the monthly progress update is overdue) or "
                                   + "SAP_REVIEW (the quarterly formal review is overdue)") String kind,
                           @Schema(description = "null for a Satisfaction Action Plan item") String workflowId,
                           @Schema(description = "the Satisfaction Action Plan of a SAP_ item, else null") String sapId,
                           String clientId, String clientName, String templateKey, String workflowName,
                           @Schema(description = "the step's number; null for a Satisfaction Action Plan item") Integer position,
                           String stepName, String type, String assigneeRole,
                           @Schema(description = "INTERNAL: yours to complete; CLIENT: waiting on the client (send or "
                                   + "chase the link)") String side,
                           LocalDate dueOn, boolean overdue,
                           @Schema(description = "Days until the due date as of asOf; negative when overdue") long daysUntilDue) {

    public static final String WORKFLOW_STEP = "WORKFLOW_STEP";

    /** The paging key's id: the workflow's, or the plan's. */
    public String itemId() {
        return workflowId != null ? workflowId : sapId;
    }
}
