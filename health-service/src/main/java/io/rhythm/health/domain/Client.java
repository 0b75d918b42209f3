package io.rhythm.health.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.web.security.ClientOwnership;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A client in the registry. */
@Entity
@Table(name = "client")
public class Client extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String region;
    @Column(name = "business_unit")
    public String businessUnit;
    @Column(name = "owner_cse")
    public String ownerCse;
    @Column(name = "owner_cam")
    public String ownerCam;
    public String tier;
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage")
    public LifecycleStage lifecycleStage;
    @Column(name = "renewal_date")
    public LocalDate renewalDate;
    /** The day the company became a customer (tenure); null when unknown. */
    @Column(name = "customer_since")
    public LocalDate customerSince;
    @Column(name = "arr_amount")
    public BigDecimal arrAmount;
    @Column(name = "arr_currency")
    public String arrCurrency;
    @Column(name = "parent_id")
    public UUID parentId;
    /** Incremented once per accepted change; the API's ETag. */
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "client_external_id", joinColumns = @JoinColumn(name = "client_id"))
    @MapKeyColumn(name = "source")
    @Column(name = "external_id")
    public Map<String, String> externalIds = new HashMap<>();

    public ClientOwnership ownership() {
        return new ClientOwnership(ownerCse, ownerCam);
    }

    /** The event other services build their projections from. */
    public ClientUpserted toEvent() {
        return new ClientUpserted(id.toString(), name, region, businessUnit, ownerCse, ownerCam, tier,
                lifecycleStage.name(), renewalDate, arrAmount == null ? null : Money.of(arrAmount, arrCurrency),
                new TreeMap<>(externalIds), version, customerSince);
    }
}
