package io.rhythm.planning.workflow.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** One version of a workflow template; {@code definition} is a {@link WorkflowDefinition} as JSON. Never updated. */
@Entity
@Table(name = "workflow_template")
public class WorkflowTemplate extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "template_key")
    public String key;
    public int version;
    public String name;
    @ColumnTransformer(write = "?::jsonb")
    public String definition;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
