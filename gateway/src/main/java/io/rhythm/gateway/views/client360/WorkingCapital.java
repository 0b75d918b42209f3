package io.rhythm.gateway.views.client360;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client's Working Capital figures as health-service keeps them: the scoring model's financial inputs, derived
 * from the billing signals (invoices, payment failures, disputes). health-service exposes counts and ages, not
 * invoice amounts, so no amount is given.
 */
public final class WorkingCapital {

    static final String COMPONENT = "FINANCIAL";
    static final Map<String, String> INPUTS = Map.of(
            "financial.overdue_invoices", "overdueInvoices",
            "financial.aged_receivables_days", "agedReceivablesDays",
            "financial.payment_failures_90_days", "paymentFailures90Days",
            "financial.open_billing_disputes", "openBillingDisputes");

    private WorkingCapital() {
    }

    /** From a client-health body ({@code components[].inputs[]}): the four figures, null where no data came in. */
    public static Figures fromHealth(JsonNode health) {
        Map<String, Integer> values = new LinkedHashMap<>();
        JsonNode components = health == null ? null : health.get("components");
        if (components != null) {
            for (JsonNode component : components) {
                if (!COMPONENT.equals(component.path("component").asText())) {
                    continue;
                }
                for (JsonNode input : component.path("inputs")) {
                    String name = INPUTS.get(input.path("key").asText());
                    JsonNode raw = input.get("raw");
                    if (name != null && raw != null && raw.isNumber()) {
                        values.put(name, (int) Math.round(raw.asDouble()));
                    }
                }
            }
        }
        Integer overdue = values.get("overdueInvoices");
        Integer days = values.get("agedReceivablesDays");
        return new Figures(overdue, days, values.get("paymentFailures90Days"), values.get("openBillingDisputes"),
                bucket(days), "health-service keeps counts and ages of overdue invoices, not their amounts");
    }

    /** The usual ageing bucket of the oldest overdue invoice. */
    static String bucket(Integer days) {
        if (days == null) {
            return null;
        }
        if (days <= 0) {
            return "CURRENT";
        }
        if (days <= 30) {
            return "1-30";
        }
        if (days <= 60) {
            return "31-60";
        }
        if (days <= 90) {
            return "61-90";
        }
        return "90+";
    }

    public record Figures(Integer overdueInvoices, Integer agedReceivablesDays, Integer paymentFailures90Days,
                          Integer openBillingDisputes, String oldestOverdueBucket, String note) {
    }
}
