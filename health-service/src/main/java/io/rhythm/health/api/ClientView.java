package io.rhythm.health.api;

import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.LifecycleStage;
import io.rhythm.platform.events.payload.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** A client as the API shows it. */
public record ClientView(String id, String name, String region, String businessUnit, String ownerCse, String ownerCam,
                         String tier, LifecycleStage lifecycleStage, LocalDate renewalDate, LocalDate customerSince, Money annualRevenue,
                         Map<String, String> externalIds, String parentId, long version, Instant createdAt, Instant updatedAt) {

    public static ClientView of(Client c) {
        return new ClientView(c.id.toString(), c.name, c.region, c.businessUnit, c.ownerCse, c.ownerCam, c.tier,
                c.lifecycleStage, c.renewalDate, c.customerSince, c.arrAmount == null ? null : Money.of(c.arrAmount, c.arrCurrency),
                new TreeMap<>(c.externalIds), c.parentId == null ? null : c.parentId.toString(), c.version, c.createdAt,
                c.updatedAt);
    }
}
