package io.rhythm.planning.readiness.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "readiness_assessment")
public class ReadinessAssessment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "scope_kind")
    public String scopeKind;
    @Column(name = "scope_value")
    public String scopeValue;
    @Column(name = "as_of")
    public LocalDate asOf;
    @Column(name = "restricted_to")
    public String restrictedTo;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @ColumnTransformer(write = "?::jsonb")
    public String snapshot;
}
