package io.rhythm.calendar.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One instance of a checklist template: an NPS cycle's Appendix A, a client's account plan, an event's deliverables. */
@Entity
@Table(name = "checklist")
public class Checklist extends PanacheEntityBase {

    @Id
    public UUID id;
    public String template;
    @Column(name = "template_version")
    public int templateVersion;
    /** Appendix B's ANNUAL or QUARTERLY; null for the other templates. */
    public String kind;
    public String name;
    @Column(name = "anchor_date")
    public LocalDate anchorDate;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "client_id")
    public UUID clientId;
    /** What the checklist was made for, once (e.g. {@code nps-cycle:<id>}, {@code event:<id>}). */
    @Column(name = "source_ref")
    public String sourceRef;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
