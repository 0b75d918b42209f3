package io.rhythm.segmentation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One migration: a client placed in a segment (from its previous one), why ({@code cause}: INPUT, OVERRIDE,
 * OVERRIDE_EXPIRED, MODEL_ACTIVATION, MANUAL; the input event's id), under which model version, effective when
 * ({@code effectiveAt}, which may be earlier than {@code assignedAt}: a back-dated override) and the client's revenue
 * then. The client's segment on a date is the latest recorded migration effective by then.
 */
@Entity
@Table(name = "segment_assignment")
public class SegmentAssignment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public Segment segment;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_segment")
    public Segment fromSegment;
    public String reason;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    public String cause;
    @Column(name = "cause_event_id")
    public String causeEventId;
    @Column(name = "model_version")
    public Integer modelVersion;
    @Column(name = "effective_at")
    public Instant effectiveAt;
    @Column(name = "revenue_amount")
    public java.math.BigDecimal revenueAmount;

    public static List<SegmentAssignment> history(UUID clientId) {
        return list("clientId = ?1 order by assignedAt desc, id", clientId);
    }

    public static Optional<SegmentAssignment> current(UUID clientId) {
        return find("clientId = ?1 order by assignedAt desc, id", clientId).firstResultOptional();
    }
}
