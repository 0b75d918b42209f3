package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client's contract renewal, opened at its kickoff date (contract end − 90 days). */
@Entity
@Table(name = "renewal")
public class Renewal extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "contract_end")
    public LocalDate contractEnd;
    @Column(name = "kickoff_date")
    public LocalDate kickoffDate;
    @Column(name = "revenue_amount")
    public BigDecimal revenue;
    public String currency;
    @Enumerated(EnumType.STRING)
    public RenewalStatus status;
    @Column(name = "risk_assessment")
    public String riskAssessment;
    @Column(name = "outcome_revenue")
    public BigDecimal outcomeRevenue;
    @Column(name = "outcome_at")
    public Instant outcomeAt;
    @Column(name = "outcome_by")
    public String outcomeBy;
    @Column(name = "opened_at")
    public Instant openedAt;
    public long version;
}
