package io.rhythm.calendar.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A tracked deliverable or checklist item: owners, due date, status and who completed it when. */
@Entity
@Table(name = "deliverable")
public class Deliverable extends PanacheEntityBase {

    public enum Status { OPEN, DONE }

    @Id
    public UUID id;
    @Column(name = "checklist_id")
    public UUID checklistId;
    public String code;
    public String phase;
    public String title;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "owner_roles")
    public String[] ownerRoles;
    @Column(name = "owner_person")
    public String ownerPerson;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "completed_by")
    public String completedBy;
    @Column(name = "completed_at")
    public Instant completedAt;
    public String note;
    @Column(name = "overdue_published_at")
    public Instant overduePublishedAt;
    @Version
    public int version;

    /** Open past its due date, as of a day. */
    public boolean overdueOn(LocalDate asOf) {
        return status == Status.OPEN && dueOn.isBefore(asOf);
    }
}
