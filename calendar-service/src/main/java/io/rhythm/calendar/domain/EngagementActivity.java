package io.rhythm.calendar.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An engagement with a client (a meeting, a QBR, ...): planned, then held or cancelled; logged directly once held. */
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
    @Enumerated(EnumType.STRING)
    public ActivityStatus status = ActivityStatus.HELD;
    public String title;
    /** Planned start (an instant) and the time zone the meeting is in. */
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "duration_minutes")
    public Integer durationMinutes;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attendee> attendees = List.of();
    public String notes;
    public String outcomes;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "held_by")
    public String heldBy;
    /** Bumped on every change (the ETag; the iCalendar SEQUENCE). */
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Someone at the meeting: an internal user (username) or a client contact (name, e-mail). */
    public record Attendee(String kind, String username, String name, String email) {
    }
}
