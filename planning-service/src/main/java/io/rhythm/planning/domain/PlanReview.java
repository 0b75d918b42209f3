package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A quarterly review of an account plan (Appendix B's quarterly review components) and the plan's snapshot then. */
@Entity
@Table(name = "plan_review")
public class PlanReview extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    /** e.g. "Q1 2026", "2H 2026", "Q4 2026". */
    public String label;
    @Column(name = "review_date")
    public LocalDate reviewDate;
    public String progress;
    @Column(name = "pipeline_status")
    public String pipelineStatus;
    @Column(name = "win_loss")
    public String winLoss;
    @Column(name = "risk_refresh")
    public String riskRefresh;
    @Column(name = "sap_progress")
    public String sapProgress;
    @Column(name = "next_quarter_priorities")
    public String nextQuarterPriorities;
    /** The {@link PlanSnapshot} as JSON. */
    public String snapshot;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
