package io.rhythm.calendar.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A user's calendar-feed secret (hashed) and the roles the feed is built for. */
@Entity
@Table(name = "feed_secret")
public class FeedSecret extends PanacheEntityBase {

    @Id
    public UUID id;
    public String username;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] roles;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
