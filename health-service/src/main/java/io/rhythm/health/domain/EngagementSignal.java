package io.rhythm.health.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An engagement with a client (from calendar-service): input to the engagement health component. */
@Entity
@Table(name = "engagement_signal")
public class EngagementSignal extends PanacheEntityBase {

    @Id
    @Column(name = "activity_id")
    public UUID activityId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "activity_type")
    public String activityType;
    @Column(name = "occurred_on")
    public LocalDate occurredOn;
    @Column(name = "logged_by")
    public String loggedBy;
    @Column(name = "received_at")
    public Instant receivedAt;

    public static List<EngagementSignal> recentFor(UUID clientId, int limit) {
        return find("clientId = ?1 order by occurredOn desc, activityId", clientId).page(0, limit).list();
    }
}
