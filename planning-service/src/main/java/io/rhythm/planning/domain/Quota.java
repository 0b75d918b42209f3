package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** A CSE's or CAM's revenue target for a fiscal year (Sales Target Workshop). */
@Entity
@Table(name = "quota")
@IdClass(Quota.Key.class)
public class Quota extends PanacheEntityBase {

    @Id
    public String owner;
    @Id
    @Column(name = "fiscal_year")
    public String fiscalYear;
    public BigDecimal amount;
    public String currency;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public long version;

    public record Key(String owner, String fiscalYear) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    /** Won revenue as a percentage of the target, 2 decimals; null for a zero target. */
    public static BigDecimal attainmentPercent(BigDecimal won, BigDecimal target) {
        return target.signum() == 0 ? null : won.multiply(BigDecimal.valueOf(100)).divide(target, 2, RoundingMode.HALF_EVEN);
    }
}
