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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An event of the operating rhythm: a workshop, an audit, an NPS cycle, ... with its content from the seed. */
@Entity
@Table(name = "calendar_event")
public class CalendarEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "calendar_key")
    public String calendarKey;
    public String code;
    public String quarter;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    public CalendarEventType type;
    public String title;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] participants;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "realm_roles")
    public String[] realmRoles;
    public String objective;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> deliverables;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> preparation;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Tool> tools;
    /** Incremented on every change (the iCalendar SEQUENCE). */
    public int sequence;

    /** A tool or document the event uses; the url is absent where the seed names none. */
    public record Tool(String name, String url) {
    }
}
