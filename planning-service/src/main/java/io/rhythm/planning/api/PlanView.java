package io.rhythm.planning.api;

import io.rhythm.planning.domain.AccountPlan;
import io.rhythm.platform.events.payload.Money;

import java.time.Instant;

/** An account plan; money is null for callers who may not see it (marketing). */
public record PlanView(String id, String clientId, String clientName, String fiscalYear, String title, String owner,
                       Instant createdAt, Instant updatedAt, long version, RevenueForecast revenueForecast,
                       String engagementPlan, String uncomfortableTruths, boolean sapRequired,
                       HealthAssessment healthAssessment) {

    /** Maintenance + growth = total. */
    public record RevenueForecast(Money maintenance, Money growth, Money total) {
    }

    /** The health snapshot the plan was last given (from the service's health projection). */
    public record HealthAssessment(Integer healthScore, String band, Integer nps, String engagement, Instant takenAt) {
    }

    public static PlanView of(AccountPlan p, String clientName) {
        return of(p, clientName, true);
    }

    public static PlanView of(AccountPlan p, String clientName, boolean withMoney) {
        RevenueForecast forecast = null;
        if (withMoney && (p.maintenanceRevenue != null || p.growthRevenue != null)) {
            var maintenance = p.maintenanceRevenue == null ? java.math.BigDecimal.ZERO : p.maintenanceRevenue;
            var growth = p.growthRevenue == null ? java.math.BigDecimal.ZERO : p.growthRevenue;
            forecast = new RevenueForecast(Money.of(maintenance, p.currency), Money.of(growth, p.currency),
                    Money.of(maintenance.add(growth), p.currency));
        }
        HealthAssessment health = p.healthTakenAt == null ? null
                : new HealthAssessment(p.healthScore, p.healthBand, p.healthNps, p.healthEngagement, p.healthTakenAt);
        return new PlanView(p.id.toString(), p.clientId.toString(), clientName, p.fiscalYear, p.title, p.owner,
                p.createdAt, p.updatedAt, p.version, forecast, p.engagementPlan, p.uncomfortableTruths, p.sapRequired, health);
    }
}
