package io.rhythm.platform.events.payload;

/** An account plan was opened for a client and fiscal year (planning-service). */
public record AccountPlanCreated(String planId, String clientId, String fiscalYear, String title, String owner) {
}
