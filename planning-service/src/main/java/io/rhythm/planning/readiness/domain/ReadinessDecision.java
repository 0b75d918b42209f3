package io.rhythm.planning.readiness.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A person's confirmation (same score) or override (another score, with a reason) of a criterion. */
@Entity
@Table(name = "readiness_decision")
@IdClass(ReadinessDecision.Key.class)
public class ReadinessDecision extends PanacheEntityBase {

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;
    @Id
    public String criterion;
    public int score;
    public String reason;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public record Key(UUID assessmentId, String criterion) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
