package io.rhythm.segmentation.domain;

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

/**
 * A client's segment now: the effective {@code segment} (an active override, else the confirmed computed one; null
 * while UNASSIGNED), what the active model last computed and why, a move waiting for confirmation, and the override.
 */
@Entity
@Table(name = "client_segment_state")
public class ClientSegmentState extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public Segment segment;
    @Column(name = "segment_since")
    public Instant segmentSince;
    @Column(name = "computed_segment")
    @Enumerated(EnumType.STRING)
    public Segment computedSegment;
    @Column(name = "computed_reason")
    public String computedReason;
    public BigDecimal satisfaction;
    @Column(name = "satisfaction_band")
    @Enumerated(EnumType.STRING)
    public AxisBand satisfactionBand;
    @Column(name = "spend_band")
    @Enumerated(EnumType.STRING)
    public AxisBand spendBand;
    @Column(name = "model_version")
    public Integer modelVersion;
    @Column(name = "pending_segment")
    @Enumerated(EnumType.STRING)
    public Segment pendingSegment;
    @Column(name = "pending_count")
    public int pendingCount;
    @Column(name = "pending_since")
    public Instant pendingSince;
    @Column(name = "override_segment")
    @Enumerated(EnumType.STRING)
    public Segment overrideSegment;
    @Column(name = "override_reason")
    public String overrideReason;
    @Column(name = "override_from")
    public LocalDate overrideFrom;
    @Column(name = "override_expires")
    public LocalDate overrideExpires;
    @Column(name = "override_by")
    public String overrideBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public ConfirmationRule.Pending pending() {
        return new ConfirmationRule.Pending(pendingSegment, pendingCount, pendingSince);
    }

    public void pending(ConfirmationRule.Pending pending) {
        pendingSegment = pending.segment();
        pendingCount = pending.count();
        pendingSince = pending.since();
    }

    /** True while an override is in force on {@code today} (from its first day, up to but excluding its expiry date). */
    public boolean overridden(LocalDate today) {
        return overrideSegment != null && !overrideFrom.isAfter(today)
                && (overrideExpires == null || today.isBefore(overrideExpires));
    }
}
