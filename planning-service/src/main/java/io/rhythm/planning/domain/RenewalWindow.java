package io.rhythm.planning.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A contract's renewal window (seeds 001 and 002: renewals reviewed at least 90 days ahead): it opens on
 * the kickoff date, {@value #DAYS_AHEAD} days before the contract end, and lasts until the end date.
 */
public record RenewalWindow(LocalDate contractEnd) {

    public static final int DAYS_AHEAD = 90;
    /** Seed 001's at-risk threshold: a health score below it flags the renewal for the risk protocol. */
    public static final int AT_RISK_BELOW = 70;

    public LocalDate kickoff() {
        return contractEnd.minusDays(DAYS_AHEAD);
    }

    public long daysRemaining(LocalDate asOf) {
        return ChronoUnit.DAYS.between(asOf, contractEnd);
    }

    /** True from the kickoff date to the contract end, inclusive. */
    public boolean isOpenOn(LocalDate asOf) {
        return !asOf.isBefore(kickoff()) && !asOf.isAfter(contractEnd);
    }

    /** The risk protocol applies when the health score is below 70 or the client's plans carry attrition risk. */
    public static boolean atRisk(Integer healthScore, boolean attritionOnRegister) {
        return attritionOnRegister || (healthScore != null && healthScore < AT_RISK_BELOW);
    }
}
