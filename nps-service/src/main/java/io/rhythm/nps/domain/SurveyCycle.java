package io.rhythm.nps.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An NPS survey cycle such as "NPS Q2 2026". */
@Entity
@Table(name = "survey_cycle")
public class SurveyCycle extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "open_date")
    public LocalDate openDate;
    @Column(name = "close_date")
    public LocalDate closeDate;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "recipients_frozen_at")
    public Instant recipientsFrozenAt;
    @Column(name = "recipients_frozen_by")
    public String recipientsFrozenBy;
    /** {@value #OPEN} or {@value #CLOSED}; only ever changed by the close (native SQL, with the cycle row locked). */
    public String status = OPEN;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;

    /** {@link Delivery#RHYTHM} or {@link Delivery#EXTERNAL} (HubSpot or another tool, named in deliveryTool). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Delivery delivery = Delivery.RHYTHM;
    @Column(name = "delivery_tool")
    public String deliveryTool;
    @Column(name = "close_extended_at")
    public Instant closeExtendedAt;
    @Column(name = "close_extended_by")
    public String closeExtendedBy;

    public boolean isExternallyDelivered() {
        return delivery == Delivery.EXTERNAL;
    }

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public boolean isClosed() {
        return CLOSED.equals(status);
    }
}
