package io.rhythm.health.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A record that could not be matched (unknown owner, unknown client): kept for a person to resolve. */
@Entity
@Table(name = "unmatched_record")
public class UnmatchedRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public String source;
    public String kind;
    @Column(name = "external_id")
    public String externalId;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
