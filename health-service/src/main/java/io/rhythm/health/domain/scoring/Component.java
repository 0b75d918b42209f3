package io.rhythm.health.domain.scoring;

/**
 * The five components of a health score.
 *
 * <p>Seed 002 ("composite health scores using behavioral (usage, support tickets), financial
 * (renewal risk, spend trends), and relational (survey, NPS) indicators") names usage, support,
 * financial and relational; the health-service issue adds engagement (meetings from calendar
 * events, the Activity Register cadence of seed 000).
 */
public enum Component {
    USAGE("Usage / behavioural"),
    SUPPORT("Support"),
    FINANCIAL("Financial / billing"),
    RELATIONAL("Relational (NPS)"),
    ENGAGEMENT("Engagement");

    private final String displayName;

    Component(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown to people, e.g. "Financial / billing". */
    public String displayName() {
        return displayName;
    }
}
