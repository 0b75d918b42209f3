package io.rhythm.planning.workflow.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A workflow running for one client, on the template version it started with. */
@Entity
@Table(name = "workflow_instance")
public class WorkflowInstance extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "template_id")
    public UUID templateId;
    @Enumerated(EnumType.STRING)
    public WorkflowStatus status;
    @Column(name = "active_position")
    public Integer activePosition;
    public String outcome;
    @Column(name = "trigger_kind")
    public String triggerKind;
    @Column(name = "trigger_key")
    public String triggerKey;
    @Column(name = "started_by")
    public String startedBy;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
}
