package io.rhythm.planning.workflow.service;

import io.quarkus.scheduler.Scheduled;
import io.rhythm.planning.workflow.domain.StepStatus;
import io.rhythm.planning.workflow.domain.WorkflowDefinition;
import io.rhythm.planning.workflow.domain.WorkflowInstance;
import io.rhythm.planning.workflow.domain.WorkflowStep;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.WorkflowStepOverdue;
import io.rhythm.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Publishes WorkflowStepOverdue once for each active step past its due date (checked every few minutes). */
@ApplicationScoped
public class OverdueSteps {

    @Inject
    TemplateCatalog templates;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;

    @Scheduled(every = "${rhythm.workflows.overdue-check:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        notifyOverdue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** @return how many steps were newly reported overdue as of {@code today} */
    @Transactional
    public int notifyOverdue(LocalDate today) {
        List<WorkflowStep> due = WorkflowStep.list("status = ?1 and dueOn < ?2 and overdueNotifiedOn is null",
                StepStatus.ACTIVE, today);
        for (WorkflowStep step : due) {
            WorkflowInstance instance = WorkflowInstance.findById(step.instanceId);
            WorkflowDefinition definition = templates.definition(instance.templateId);
            WorkflowDefinition.Step s = definition.step(step.position);
            outbox.publish(EventCatalogue.WORKFLOW_STEP_OVERDUE, instance.clientId.toString(), new WorkflowStepOverdue(
                    instance.id.toString(), instance.clientId.toString(), definition.key(), step.position, s.name(),
                    s.assigneeRole(), step.dueOn));
            step.overdueNotifiedOn = today;
        }
        return due.size();
    }
}
