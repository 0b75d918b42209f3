package io.rhythm.planning.readiness.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What Rhythm knows about one client of an assessment's scope, from its own projections.
 *
 * @param band               latest health band (HEALTHY, STABLE, AT_RISK, CRITICAL), null when never scored
 * @param accountPlans       account plans of the client
 * @param activeContacts     active contacts
 * @param stakeholders       active contacts with a stakeholder role (economic buyer, champion, ...)
 * @param qbrsCompleted      QBR workflows completed in the last two quarters
 * @param healthChecks       Client Health Check workflows started in the last 90 days
 * @param expansionSignals   expansion signals raised in the last 90 days
 * @param expansionPlays     open or won upsell, cross-sell and new-module opportunities in the client's account plans
 * @param lifecycleStage     the registry's lifecycle stage (ONBOARDING, ADOPTION, MATURE, EXPANSION, RENEWAL; ClientUpserted)
 * @param engagementPlans    account plans of the client whose engagement plan (milestones, timeline) is written
 */
public record ClientFacts(String clientId, String name, String tier, String ownerCse, String ownerCam,
                          LocalDate renewalDate, BigDecimal arrAmount, String arrCurrency, String band, Double score,
                          int accountPlans, int activeContacts, int stakeholders, int qbrsCompleted, int healthChecks,
                          int expansionSignals, int expansionPlays, String lifecycleStage, int engagementPlans) {

    /** In onboarding or adoption: the clients dimension 3 (Onboarding & Value Realization) looks at. */
    public boolean onboarding() {
        return "ONBOARDING".equals(lifecycleStage) || "ADOPTION".equals(lifecycleStage);
    }

    /** Healthy or Stable: past the adoption checkpoint. */
    public boolean healthy() {
        return "HEALTHY".equals(band) || "STABLE".equals(band);
    }

    public boolean atRisk() {
        return "AT_RISK".equals(band) || "CRITICAL".equals(band);
    }

    /** green (Healthy, Stable), yellow (At-Risk), red (Critical), or unscored. */
    public String colour() {
        if (band == null) {
            return "unscored";
        }
        return switch (band) {
            case "CRITICAL" -> "red";
            case "AT_RISK" -> "yellow";
            default -> "green";
        };
    }

    /** strategic / growth / standard, from the registry's tier (Strategic/Enterprise/Key → strategic, Growth/Mid-market → growth). */
    public String tierGroup() {
        String t = tier == null ? "" : tier.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("strategic") || t.contains("enterprise") || t.contains("key") || t.equals("tier 1")) {
            return "strategic";
        }
        if (t.contains("growth") || t.contains("mid") || t.equals("tier 2")) {
            return "growth";
        }
        return "standard";
    }

    public boolean renewsWithin(LocalDate asOf, int days) {
        return renewalDate != null && !renewalDate.isBefore(asOf) && !renewalDate.isAfter(asOf.plusDays(days));
    }
}
