package io.rhythm.health.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** A CRM owner id → the Rhythm user (CSE) who owns the clients that CRM owner owns. */
@Entity
@Table(name = "owner_mapping")
public class OwnerMapping extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public String username;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<String> usernameFor(String source, String externalOwnerId) {
        OwnerMapping mapping = findById(new Key(source, externalOwnerId));
        return Optional.ofNullable(mapping).map(m -> m.username);
    }

    @Embeddable
    public record Key(String source, @Column(name = "external_owner_id") String externalOwnerId) implements Serializable {
    }
}
