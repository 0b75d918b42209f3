package io.rhythm.nps.domain.initiatives;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One append-only progress report of an initiative. */
@Entity
@Table(name = "nps_initiative_progress")
public class InitiativeProgress extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "initiative_id")
    public UUID initiativeId;
    @Column(name = "reported_on")
    public LocalDate reportedOn;
    public String author;
    public String text;
    @Column(name = "percent_complete")
    public int percentComplete;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    public ProgressEntry entry() {
        return new ProgressEntry(id.toString(), reportedOn, author, text, percentComplete, recordedAt);
    }
}
