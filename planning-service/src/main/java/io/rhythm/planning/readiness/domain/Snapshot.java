package io.rhythm.planning.readiness.domain;

import io.rhythm.platform.events.payload.Money;

import java.time.Instant;
import java.util.List;

/** The live data an assessment was built from, frozen when it was created (stored as JSON). */
public record Snapshot(String scopeLabel, int clientCount, List<Proposal> proposals, List<Money> retentionRiskExposure,
                       Dashboard accountHealthDashboard, List<StakeholderAccount> stakeholderMap, IssueLog issueLog,
                       PlanFigures planFigures) {

    public record Cell(String tier, String health, int accounts, List<Money> arr) {
    }

    public record Account(String clientId, String name, String tier, String band, Double score, Money arr,
                          String renewalDate) {
    }

    public record Dashboard(List<Cell> cells, List<Account> atRiskAccounts, List<Money> atRiskArr,
                            List<Account> renewalsIn90Days, List<Money> renewalArr, int expansionSignals,
                            List<Account> expansionAccounts) {
    }

    public record Contact(String name, String title, List<String> roles) {
    }

    /** engagementFrequency and relationshipStrength need engagement data Rhythm's planning-service does not hold: null. */
    public record StakeholderAccount(String clientId, String name, Money arr, List<Contact> contacts,
                                     String relationshipDepth, String engagementFrequency, String relationshipStrength) {
    }

    public record Issue(String clientId, String clientName, String kind, String type, String severity, String owner,
                        String status, Instant openedAt, long daysOpen, boolean slaBreached, String reason) {
    }

    public record Theme(String theme, int accounts, int issues) {
    }

    public record IssueLog(List<Issue> openIssues, Double slaCompliancePercent, List<Theme> recurringThemes) {
    }

    /**
     * @param retention GRR/NRR of the scope's clients from the account plans (maintenance revenue, risk registers, won
     *                  opportunities) of the latest fiscal year up to asOf that has maintenance revenue; null when none
     *                  has (and in snapshots taken before planning computed it)
     */
    public record PlanFigures(Double qbrCompletionPercent, int atRiskAccounts, int renewalsIn90Days, int expansionSignals,
                              Retention retention) {
    }

    /** Retention of one fiscal year, percentages with 2 decimals as strings (null when not computable). */
    public record Retention(String fiscalYear, String currency, String startingRevenue, String lostRevenue,
                            String expansionRevenue, String grossRetentionPercent, String netRetentionPercent) {
    }
}
