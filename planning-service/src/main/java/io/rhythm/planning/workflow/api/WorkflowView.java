package io.rhythm.planning.workflow.api;

import io.rhythm.planning.workflow.domain.WorkflowDefinition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A workflow instance with every step's definition and state. */
public record WorkflowView(String id, String clientId, String clientName, TemplateRef template, String status,
                           Integer activePosition, String outcome, String triggerKind, String startedBy,
                           Instant startedAt, Instant endedAt, List<StepView> steps) {

    public record TemplateRef(String id, String key, int version, String name) {
    }

    public record StepView(int position, String name, String type, String assigneeRole, String side, String description,
                           String status, LocalDate dueOn, boolean overdue, String completedBy, Instant completedAt,
                           String outcome, Map<String, Object> record, List<WorkflowDefinition.Field> fields,
                           List<WorkflowDefinition.Outcome> outcomes) {
    }
}
