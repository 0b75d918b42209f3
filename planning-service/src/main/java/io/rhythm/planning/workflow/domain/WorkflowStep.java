package io.rhythm.planning.workflow.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The state of one step of an instance; {@code record} is what its completion recorded, as JSON. */
@Entity
@Table(name = "workflow_step")
@IdClass(WorkflowStep.Key.class)
public class WorkflowStep extends PanacheEntityBase {

    @Id
    @Column(name = "instance_id")
    public UUID instanceId;
    @Id
    public int position;
    @Enumerated(EnumType.STRING)
    public StepStatus status;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "completed_by")
    public String completedBy;
    @Column(name = "completed_at")
    public Instant completedAt;
    public String outcome;
    @ColumnTransformer(write = "?::jsonb")
    public String record;
    @Column(name = "overdue_notified_on")
    public LocalDate overdueNotifiedOn;

    public record Key(UUID instanceId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
