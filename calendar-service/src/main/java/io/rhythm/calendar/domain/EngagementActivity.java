package io.rhythm.calendar.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An engagement with a client that happened (a meeting, a QBR, ...). */
@Entity
@Table(name = "engagement_activity")
public class EngagementActivity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    @Column(name = "activity_type")
    public ActivityType activityType;
    @Column(name = "occurred_on")
    public LocalDate occurredOn;
    public String summary;
    @Column(name = "logged_by")
    public String loggedBy;
    @Column(name = "logged_at")
    public Instant loggedAt;
}
