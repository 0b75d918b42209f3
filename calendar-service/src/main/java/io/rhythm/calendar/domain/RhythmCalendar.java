package io.rhythm.calendar.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One imported operating-rhythm calendar (a region's year) and the version of its seed file. */
@Entity
@Table(name = "rhythm_calendar")
public class RhythmCalendar extends PanacheEntityBase {

    @Id
    @Column(name = "calendar_key")
    public String calendarKey;
    public int version;
    public String region;
    public int year;
    @Column(name = "time_zone")
    public String timeZone;
    public String source;
    public String checksum;
    @Column(name = "imported_by")
    public String importedBy;
    @Column(name = "imported_at")
    public Instant importedAt;
}
