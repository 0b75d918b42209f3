package io.rhythm.platform.events.payload;

import java.time.LocalDate;
import java.util.Map;

/** A client record was created or changed in the registry (health-service); other services keep projections of it. */
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
        long version) {
}
