package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A client's account plan for one fiscal year, with the Appendix B components that live on the plan itself. */
@Entity
@Table(name = "account_plan")
public class AccountPlan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "fiscal_year")
    public String fiscalYear;
    public String title;
    public String owner;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Incremented once per accepted change; the API's ETag. */
    public long version;
    public String currency = "AUD";
    @Column(name = "maintenance_revenue")
    public BigDecimal maintenanceRevenue;
    @Column(name = "growth_revenue")
    public BigDecimal growthRevenue;
    @Column(name = "engagement_plan")
    public String engagementPlan;
    @Column(name = "uncomfortable_truths")
    public String uncomfortableTruths;
    @Column(name = "sap_required")
    public boolean sapRequired;
    @Column(name = "health_score")
    public Integer healthScore;
    @Column(name = "health_band")
    public String healthBand;
    @Column(name = "health_nps")
    public Integer healthNps;
    @Column(name = "health_engagement")
    public String healthEngagement;
    @Column(name = "health_taken_at")
    public Instant healthTakenAt;
}
