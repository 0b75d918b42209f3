package io.rhythm.nps.domain.initiatives;

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

/** An NPS improvement initiative, linked to comment themes and clients. */
@Entity
@Table(name = "nps_initiative")
public class Initiative extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    public String description;
    public String owner;
    public String[] themes;
    @Column(name = "client_ids")
    public UUID[] clientIds;
    @Enumerated(EnumType.STRING)
    public InitiativeStatus status;
    @Column(name = "target_date")
    public LocalDate targetDate;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
