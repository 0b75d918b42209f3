package io.rhythm.health.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rhythm.platform.events.payload.ContactUpserted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A person at a client. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    public String name;
    public String email;
    public String title;
    public String department;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "stakeholder_roles")
    public String[] stakeholderRoles = new String[0];
    public boolean subscribed = true;
    public boolean active = true;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> roles() {
        return Arrays.stream(stakeholderRoles).sorted().toList();
    }

    public ContactUpserted toEvent() {
        return new ContactUpserted(id.toString(), clientId.toString(), name, email, title, department, roles(), subscribed,
                active, version);
    }
}
