package io.rhythm.planning.readiness.domain;

import java.util.List;

/**
 * Seed 004's assessment framework, as written: six dimensions of four criteria, each scored 1–5
 * (1 = ad hoc, 5 = optimized).
 */
public final class Framework {

    public record Criterion(String code, String text) {
    }

    public record Dimension(int number, String code, String name, List<Criterion> criteria) {
    }

    public static final List<Dimension> DIMENSIONS = List.of(
            dimension(1, "ACCOUNT_STRATEGY", "Account Strategy & Segmentation",
                    "Clients are segmented by value, complexity, and strategic importance",
                    "Account plans exist with goals, stakeholders, risks, and growth opportunities",
                    "Success criteria and value metrics are co-defined with the client",
                    "Resources (AMs, SEs, execs) are aligned to account tier and need"),
            dimension(2, "RELATIONSHIP_MAPPING", "Relationship Mapping & Stakeholder Engagement",
                    "Key stakeholders (economic buyer, champion, influencers) are identified",
                    "Engagement cadence matches client preference and relationship maturity",
                    "Executive sponsors are active in strategic accounts",
                    "Relationship depth extends beyond single point of contact"),
            dimension(3, "ONBOARDING", "Onboarding & Value Realization",
                    "Onboarding plans set clear milestones, timelines, and success measures",
                    "Time-to-value is tracked and optimized",
                    "Early wins and adoption checkpoints build momentum",
                    "Handoff from sales to account management is seamless"),
            dimension(4, "PROACTIVE_ENGAGEMENT", "Proactive Engagement & Business Reviews",
                    "Quarterly or bi-annual business reviews (QBRs/EBRs) are planned and executed",
                    "Reviews demonstrate ROI, highlight usage trends, and identify opportunities",
                    "Communication is proactive (not just reactive to issues)",
                    "Account health is monitored via usage, satisfaction, and engagement signals"),
            dimension(5, "ISSUE_RESOLUTION", "Issue Resolution & Escalation",
                    "Issues are triaged by severity and escalated with clear ownership",
                    "Response SLAs exist and are met consistently",
                    "Root cause analysis prevents repeat issues",
                    "Client trust is maintained through transparency and follow-through"),
            dimension(6, "RETENTION_EXPANSION", "Retention & Expansion Execution",
                    "Renewal pipeline is tracked with risk/health scoring",
                    "Churn signals (usage decline, satisfaction drop, disengagement) trigger intervention",
                    "Expansion plays (upsell, cross-sell, new use cases) are identified and pursued",
                    "Client feedback drives product and service improvements"));

    /** The six deliverables of the required output format. */
    public static final List<String> DELIVERABLES = List.of("Executive Summary", "Dimension Scorecard",
            "Account Health Dashboard", "Stakeholder Map", "Issue & Escalation Log", "30/60/90-Day Retention & Growth Plan");

    private Framework() {
    }

    private static Dimension dimension(int number, String code, String name, String... criteria) {
        List<Criterion> list = new java.util.ArrayList<>();
        for (int i = 0; i < criteria.length; i++) {
            list.add(new Criterion(number + "." + (i + 1), criteria[i]));
        }
        return new Dimension(number, code, name, List.copyOf(list));
    }

    public static Criterion criterion(String code) {
        return DIMENSIONS.stream().flatMap(d -> d.criteria().stream()).filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no criterion " + code));
    }

    /**
     * A proposed 1–5 score for a share (0–100 %) of clients meeting a criterion. Anchored on the seed's example
     * ("QBRs inconsistent (50% completion)" → 3/5, "SLA compliance 92%" → 4/5): ≥ 95 % → 5, ≥ 80 % → 4, ≥ 50 % → 3,
     * ≥ 25 % → 2, otherwise 1.
     */
    public static int scoreForShare(double percent) {
        if (percent >= 95) {
            return 5;
        }
        if (percent >= 80) {
            return 4;
        }
        if (percent >= 50) {
            return 3;
        }
        return percent >= 25 ? 2 : 1;
    }
}
