package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A monthly progress update or quarterly formal review of a Satisfaction Action Plan. */
@Entity
@Table(name = "sap_progress")
public class SapProgress extends PanacheEntityBase {

    public static final String UPDATE = "UPDATE";
    public static final String REVIEW = "REVIEW";

    @Id
    public UUID id;
    @Column(name = "sap_id")
    public UUID sapId;
    @Column(name = "action_id")
    public UUID actionId;
    public String kind;
    @Column(name = "on_date")
    public LocalDate onDate;
    public String note;
    public String author;
    @Column(name = "created_at")
    public Instant createdAt;
}
