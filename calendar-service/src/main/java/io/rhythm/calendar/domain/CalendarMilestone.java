package io.rhythm.calendar.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A key milestone of an event with its own date or range (e.g. "Apr 13: first non-responder pull"). */
@Entity
@Table(name = "calendar_milestone")
public class CalendarMilestone extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    public String code;
    public String title;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    /** When CalendarMilestoneDue was written to the outbox; null until then (published once). */
    @Column(name = "due_published_at")
    public Instant duePublishedAt;
}
