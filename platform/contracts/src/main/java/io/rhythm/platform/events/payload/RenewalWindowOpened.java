package io.rhythm.platform.events.payload;

/**
 * A client's contract renewal window opened (planning-service): 90 days before the contract end date
 * (the kickoff date). The Annual Renewal workflow starts from it; nps-service may use it for its
 * 60-day pre-renewal survey. {@code annualRevenue} is null when the registry does not know it.
 */
public record RenewalWindowOpened(String renewalId, String clientId, String contractEndDate, String kickoffDate,
                                  int daysRemaining, Money annualRevenue, String ownerCse, String ownerCam) {
}
