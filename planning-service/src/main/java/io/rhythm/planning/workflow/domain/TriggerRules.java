package io.rhythm.planning.workflow.domain;

import java.util.List;
import java.util.Map;

/** When an event from another service starts a workflow (the seed's triggers). */
public final class TriggerRules {

    /** Health bands best first (health-service's names). */
    private static final List<String> BANDS = List.of("HEALTHY", "STABLE", "AT_RISK", "CRITICAL");
    /** health-service's evidence key for open billing disputes on a BILLING_ISSUE alert. */
    public static final String OPEN_BILLING_DISPUTES = "financial.open_billing_disputes";

    private TriggerRules() {
    }

    /**
     * Client Health Check: the score dropped the client into At-Risk or Critical, i.e. the new band is one of those
     * and worse than the previous one (a first score in those bands counts too).
     */
    public static boolean startsHealthCheck(String previousBand, String band) {
        int now = BANDS.indexOf(band);
        if (now < BANDS.indexOf("AT_RISK")) {
            return false;
        }
        int before = previousBand == null ? -1 : BANDS.indexOf(previousBand);
        return before < now;
    }

    /** Billing Dispute Resolution: health-service raised a billing alert because of an open billing dispute. */
    public static boolean startsBillingDispute(String alertType, Map<String, Double> evidence) {
        return "BILLING_ISSUE".equals(alertType) && evidence != null
                && evidence.getOrDefault(OPEN_BILLING_DISPUTES, 0.0) > 0;
    }
}
