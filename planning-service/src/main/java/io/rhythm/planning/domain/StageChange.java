package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One step of an opportunity's stage history (the seed's "pipeline stage movement" early warning). */
@Entity
@Table(name = "plan_opportunity_stage")
@IdClass(StageChange.Key.class)
public class StageChange extends PanacheEntityBase {

    @Id
    @Column(name = "opportunity_id")
    public UUID opportunityId;
    @Id
    public int seq;
    @Enumerated(EnumType.STRING)
    public OpportunityStage stage;
    public int probability;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;

    public record Key(UUID opportunityId, int seq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
