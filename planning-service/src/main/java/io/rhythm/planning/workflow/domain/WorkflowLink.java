package io.rhythm.planning.workflow.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A single-use, expiring link to one client-facing step; only the token's SHA-256 is kept. */
@Entity
@Table(name = "workflow_link")
public class WorkflowLink extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public byte[] tokenHash;
    @Column(name = "instance_id")
    public UUID instanceId;
    public int position;
    public String email;
    public String recipient;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
}
