package io.rhythm.health.domain.scoring;

/**
 * Health bands: Critical &lt; 50, At-Risk 50–69, Stable 70–84, Healthy ≥ 85 (seed 001, "Flag
 * accounts in At-Risk (&lt;70) or Critical (&lt;50) ranges"; DESIGN "Domain anchors").
 *
 * <p>The band is always decided on the <em>published</em> score, i.e. after rounding to one
 * decimal (see {@link HealthScorer}): an exact score of 49.96 is published as 50.0 and is
 * At-Risk, 69.9 is At-Risk, 70.0 is Stable, 84.9 is Stable, 85.0 is Healthy.
 */
public enum Band {
    CRITICAL("Critical"),
    AT_RISK("At-Risk"),
    STABLE("Stable"),
    HEALTHY("Healthy");

    /** Lowest published score that is At-Risk rather than Critical. */
    public static final double AT_RISK_FROM = 50.0;
    /** Lowest published score that is Stable rather than At-Risk. */
    public static final double STABLE_FROM = 70.0;
    /** Lowest published score that is Healthy rather than Stable. */
    public static final double HEALTHY_FROM = 85.0;

    private final String displayName;

    Band(String displayName) {
        this.displayName = displayName;
    }

    /** The band of a published (already rounded) score. */
    public static Band of(double publishedScore) {
        if (Double.isNaN(publishedScore)) {
            throw new IllegalArgumentException("a health score cannot be NaN");
        }
        if (publishedScore < AT_RISK_FROM) {
            return CRITICAL;
        }
        if (publishedScore < STABLE_FROM) {
            return AT_RISK;
        }
        if (publishedScore < HEALTHY_FROM) {
            return STABLE;
        }
        return HEALTHY;
    }

    /** True for At-Risk and Critical: the bands that count as a churn warning (seed 001, "&lt;70"). */
    public boolean isChurnWarning() {
        return this == AT_RISK || this == CRITICAL;
    }

    /** The name shown to people, e.g. "At-Risk". */
    public String displayName() {
        return displayName;
    }
}
