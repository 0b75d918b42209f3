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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One state of a risk-register row over time (what portfolio metrics read "as of" a date). */
@Entity
@Table(name = "plan_risk_history")
@IdClass(RiskChange.Key.class)
public class RiskChange extends PanacheEntityBase {

    @Id
    @Column(name = "risk_id")
    public UUID riskId;
    @Id
    public int seq;
    @Enumerated(EnumType.STRING)
    public RiskStatus status;
    public int probability;
    public BigDecimal amount;
    public String currency;
    @Column(name = "fiscal_year")
    public String fiscalYear;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;

    /** Records the risk's current state as its next step of history. */
    public static void record(AttritionRisk risk, String by, Instant at) {
        RiskChange change = new RiskChange();
        change.riskId = risk.id;
        change.seq = (int) count("riskId", risk.id) + 1;
        change.status = risk.status;
        change.probability = risk.probability;
        change.amount = risk.amount;
        change.currency = risk.currency;
        change.fiscalYear = risk.fiscalYear;
        change.changedBy = by;
        change.changedAt = at;
        change.persist();
    }

    public record Key(UUID riskId, int seq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
