package io.rhythm.health.domain.scoring;

/**
 * Named warnings about how a client's score moved; see {@link HealthFlags} for the exact rules.
 * DESIGN "Where the seeds disagree — Health flags": seed 000 warns on a &gt; 10 % decline, seed
 * 001 on &gt; 15 points month over month; both are raised, as two named flags.
 */
public enum HealthFlag {
    /** |score − score a month earlier| &gt; 15 points (seed 001, "changes &gt;15 points from previous month"). */
    MONTH_OVER_MONTH_SWING("Changed more than 15 points in a month"),
    /** Score fell by more than 10 % of the score a month earlier (seed 000, "health score changes (&gt;10% decline)"). */
    DECLINE_OVER_10_PERCENT("Declined more than 10 % in a month"),
    /** Moved from Stable or Healthy down into At-Risk (issue 4, "transition into At-Risk"). */
    ENTERED_AT_RISK("Entered At-Risk"),
    /** Moved from any other band down into Critical (issue 4, "transition into Critical"; seed 001 escalates &lt; 50). */
    ENTERED_CRITICAL("Entered Critical"),
    /** Moved from below 70 to 70 or above (seed 001, "Confirm health score recovery to stable range (&gt;70)"). */
    RECOVERED_ABOVE_70("Recovered to 70 or above");

    private final String displayName;

    HealthFlag(String displayName) {
        this.displayName = displayName;
    }

    /** The text shown to people. */
    public String displayName() {
        return displayName;
    }
}
