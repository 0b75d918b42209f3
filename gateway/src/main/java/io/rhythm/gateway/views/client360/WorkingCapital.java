package io.rhythm.gateway.views.client360;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client's Working Capital: the aged receivables health-service keeps from the billing events (per currency, the
 * outstanding and overdue amounts and the buckets CURRENT, 1-30, 31-60, 61-90, 90+ with amounts and counts, as
 * {@code GET /api/v1/clients/{id}/receivables} answers them), with the scoring model's other financial inputs
 * (payment failures in 90 days, open billing disputes) from the client's health read when it has one.
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

    /** From the receivables body and (null: not scored or not readable) the client-health body. */
    public static Figures of(JsonNode receivables, JsonNode health) {
        Map<String, Integer> values = inputs(health);
        return new Figures(receivables.path("asOf").asText(null), receivables.path("byCurrency"),
                values.get("paymentFailures90Days"), values.get("openBillingDisputes"));
    }

    /** The financial inputs of a client-health body ({@code components[].inputs[]}), by short name; absent where none came in. */
    static Map<String, Integer> inputs(JsonNode health) {
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
        return values;
    }

    /**
     * @param byCurrency per currency: outstanding, invoices, overdue, overdueInvoices, oldestDaysPastDue and the
     *                   five buckets {bucket, amount, invoices} (money as {"amount","currency"})
     */
    public record Figures(String asOf, JsonNode byCurrency, Integer paymentFailures90Days, Integer openBillingDisputes) {
    }
}
