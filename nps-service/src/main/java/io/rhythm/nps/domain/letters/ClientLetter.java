package io.rhythm.nps.domain.letters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client's letter for one cycle; {@code facts} is the JSON of the {@link ClientLetterFacts} it was drafted from. */
@Entity
@Table(name = "client_letter")
public class ClientLetter extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "cycle_id")
    public UUID cycleId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "client_name")
    public String clientName;
    @Column(name = "business_unit")
    public String businessUnit;
    @Enumerated(EnumType.STRING)
    public LetterStatus status;
    public String subject;
    public String body;
    public String facts;
    @Version
    public long version;
    @Column(name = "generated_at")
    public Instant generatedAt;
    @Column(name = "generated_by")
    public String generatedBy;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "edited_by")
    public String editedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "sent_on")
    public LocalDate sentOn;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "sent_by")
    public String sentBy;
}
