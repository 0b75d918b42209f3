package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client's Satisfaction Action Plan (seed 000 template), required in Maintain, Nurture and Sleeping Giants. */
@Entity
@Table(name = "sap")
public class SatisfactionActionPlan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public SapStatus status;
    public String segment;
    public String reason;
    /** False once the client left the segments that need a plan: the plan is flagged, not closed. */
    @Column(name = "still_required")
    public boolean stillRequired = true;
    public String owner;
    @Column(name = "activated_on")
    public LocalDate activatedOn;
    @Column(name = "last_update_on")
    public LocalDate lastUpdateOn;
    @Column(name = "last_review_on")
    public LocalDate lastReviewOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closing_summary")
    public String closingSummary;
    public long version;

    public SapCadence cadence() {
        return SapCadence.of(activatedOn, lastUpdateOn, lastReviewOn);
    }
}
