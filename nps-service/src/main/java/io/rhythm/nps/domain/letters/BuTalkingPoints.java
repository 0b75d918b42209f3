package io.rhythm.nps.domain.letters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The stored talking points of a business unit in a cycle; {@code facts} is the JSON of {@link BusinessUnitPoints}. */
@Entity
@Table(name = "bu_talking_points")
public class BuTalkingPoints extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "cycle_id") UUID cycleId, @Column(name = "business_unit") String businessUnit)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public String status;
    public String facts;
    @Column(name = "generated_at")
    public Instant generatedAt;
    @Column(name = "generated_by")
    public String generatedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approved_by")
    public String approvedBy;
}
