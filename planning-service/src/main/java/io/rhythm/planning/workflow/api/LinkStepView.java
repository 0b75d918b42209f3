package io.rhythm.planning.workflow.api;

import io.rhythm.planning.workflow.domain.WorkflowDefinition;

import java.time.Instant;
import java.util.List;

/** What the client sees behind a link: the one step it may complete. */
public record LinkStepView(String clientName, String workflowName, int position, String stepName, String type,
                           String description, List<WorkflowDefinition.Field> fields,
                           List<WorkflowDefinition.Outcome> outcomes, Instant expiresAt) {

    /** What the client gets back after completing the step. */
    public record Receipt(String stepName, String status, Instant completedAt) {
    }
}
