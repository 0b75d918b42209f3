package io.rhythm.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A client's account plan for one fiscal year. */
@Entity
@Table(name = "account_plan")
public class AccountPlan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "fiscal_year")
    public String fiscalYear;
    public String title;
    public String owner;
    @Column(name = "created_at")
    public Instant createdAt;
}
