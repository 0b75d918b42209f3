package io.rhythm.platform.events.payload;

import java.time.LocalDate;
import java.util.Map;

/**
 * A client record was created or changed in the registry (health-service); other services keep projections of it.
 *
 * @param lifecycleStage ONBOARDING, ADOPTION, MATURE, EXPANSION or RENEWAL
 * @param customerSince  the day the company became a customer (CRM "became a customer" date or set in Rhythm);
 *                       null when unknown. Added to v1 additively: older producers omit it.
 */
public record ClientUpserted(
        String clientId,
        String name,
        String region,
        String businessUnit,
        String ownerCse,
        String ownerCam,
        String tier,
        String lifecycleStage,
        LocalDate renewalDate,
        Money annualRevenue,
        Map<String, String> externalIds,
        long version,
        LocalDate customerSince) {

    /** A client whose customer-since date is unknown. */
    public ClientUpserted(String clientId, String name, String region, String businessUnit, String ownerCse,
                          String ownerCam, String tier, String lifecycleStage, LocalDate renewalDate,
                          Money annualRevenue, Map<String, String> externalIds, long version) {
        this(clientId, name, region, businessUnit, ownerCse, ownerCam, tier, lifecycleStage, renewalDate, annualRevenue,
                externalIds, version, null);
    }
}
