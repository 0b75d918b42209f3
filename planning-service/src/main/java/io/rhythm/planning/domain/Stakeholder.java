package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One person on a plan's stakeholder map. */
@Entity
@Table(name = "plan_stakeholder")
public class Stakeholder extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "contact_id")
    public UUID contactId;
    public String name;
    public String title;
    @Enumerated(EnumType.STRING)
    public StakeholderRole role;
    public int influence;
    @Enumerated(EnumType.STRING)
    public Sentiment sentiment;
    @Column(name = "engagement_frequency")
    public String engagementFrequency;
    @Column(name = "relationship_strength")
    public int relationshipStrength;
    @Column(name = "last_contact_date")
    public LocalDate lastContactDate;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
}
