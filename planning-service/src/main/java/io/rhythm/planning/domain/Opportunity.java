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

/** One row of a plan's opportunity register. */
@Entity
@Table(name = "plan_opportunity")
public class Opportunity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "client_id")
    public UUID clientId;
    public String name;
    @Enumerated(EnumType.STRING)
    public OpportunityType type;
    @Column(name = "value_amount")
    public BigDecimal value;
    public String currency;
    @Enumerated(EnumType.STRING)
    public OpportunityStage stage;
    public int probability;
    @Column(name = "expected_close")
    public LocalDate expectedClose;
    public String owner;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;

    public BigDecimal weightedValue() {
        return Pipeline.weighted(value, probability);
    }
}
