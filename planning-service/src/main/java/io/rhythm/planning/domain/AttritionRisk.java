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
import java.util.UUID;

/** One row of a plan's risk register: revenue that may be lost, labelled with the fiscal year it falls in. */
@Entity
@Table(name = "plan_risk")
public class AttritionRisk extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "client_id")
    public UUID clientId;
    public String description;
    public BigDecimal amount;
    public String currency;
    /** The label as given (e.g. {@code FY2028}); the seeds never define fiscal-year boundaries. */
    @Column(name = "fiscal_year")
    public String fiscalYear;
    @Enumerated(EnumType.STRING)
    public RiskStatus status;
    public int probability;
    @Column(name = "mitigation_plan")
    public String mitigationPlan;
    public String owner;
    public long version;
    /** What wrote the risk when not a person (e.g. {@code workflow:<id>}); unique, so it is written once. */
    @Column(name = "source_ref")
    public String sourceRef;
    @Column(name = "created_at")
    public Instant createdAt;
}
