package io.rhythm.planning.readiness.api;

import io.rhythm.planning.readiness.domain.Snapshot;
import io.rhythm.platform.events.payload.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A readiness assessment with its six deliverables. */
public record AssessmentView(String id, String scope, String scopeValue, String scopeLabel, LocalDate asOf,
                             String createdBy, Instant createdAt, int clientCount, String roundingRule,
                             ExecutiveSummary executiveSummary, List<DimensionScore> scorecard,
                             Snapshot.Dashboard accountHealthDashboard, List<Snapshot.StakeholderAccount> stakeholderMap,
                             Snapshot.IssueLog issueLog, Plan plan) {

    public record Level(BigDecimal score, String maturity, String meaning) {
    }

    public record ExecutiveSummary(Level overall, List<Money> retentionRiskExposure, int atRiskAccounts,
                                   int renewalsIn90Days, List<String> topPriorities) {
    }

    /** status PROPOSED (Rhythm's score, not yet confirmed), CONFIRMED, OVERRIDDEN, UNASSESSED. */
    public record CriterionScore(String code, String text, Integer proposedScore, String evidence, Integer score,
                                 String status, String decidedBy, String reason) {
    }

    public record DimensionScore(int number, String name, Level level, List<String> findings,
                                 List<CriterionScore> criteria) {
    }

    public record Metric(String name, String current, String target) {
    }

    public record Plan(List<String> days30, List<String> days60, List<String> days90, List<Metric> metrics) {
    }
}
