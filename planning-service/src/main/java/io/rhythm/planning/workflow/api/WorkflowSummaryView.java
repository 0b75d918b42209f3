package io.rhythm.planning.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A workflow as the list shows it: what it is, for whom, where it stands and its active step (the one that can be
 * overdue). Every step's definition, form fields and completion record are in the full view, {@code GET
 * /api/v1/workflows/{id}}.
 */
@Schema(description = "A workflow in a list: its state and active step; every step in full at GET /api/v1/workflows/{id}")
public record WorkflowSummaryView(String id, String clientId, String clientName, WorkflowView.TemplateRef template,
                                  String status, Integer activePosition,
                                  @Schema(description = "How many steps the workflow's template version has") int stepCount,
                                  String outcome, String triggerKind, String startedBy, Instant startedAt, Instant endedAt,
                                  @Schema(description = "The step to do now; null once the workflow has completed or ended")
                                  ActiveStep activeStep) {

    /** The active step, with its due date as of the list's asOf. */
    public record ActiveStep(int position, String name, String type, String assigneeRole,
                             @Schema(description = "INTERNAL or CLIENT (completed through a link)") String side,
                             LocalDate dueOn,
                             @Schema(description = "The due date is before asOf (default today UTC)") boolean overdue,
                             @Schema(description = "Days until the due date as of asOf; negative when overdue; null without "
                                     + "a due date") Long daysUntilDue) {
    }
}
