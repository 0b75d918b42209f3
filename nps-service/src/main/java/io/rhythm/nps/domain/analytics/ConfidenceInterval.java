package io.rhythm.nps.domain.analytics;

/**
 * A confidence interval of an NPS, in NPS points (−100 … 100).
 *
 * @param lower  lower bound, never below −100
 * @param upper  upper bound, never above 100
 * @param margin the unclamped half-width (z × standard error × 100); the bounds are
 *               {@code nps ± margin} clamped to [−100, 100]
 * @param level  the confidence level, e.g. 0.95
 */
public record ConfidenceInterval(double lower, double upper, double margin, double level) {

    public ConfidenceInterval {
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
        }
        if (lower < -100 || upper > 100) {
            throw new IllegalArgumentException("An NPS interval lies within [-100, 100]");
        }
        if (margin < 0) {
            throw new IllegalArgumentException("margin must not be negative");
        }
    }

    /** The interval that says nothing: every NPS from −100 to 100 (used when there are no responses). */
    public static ConfidenceInterval noInformation(double level) {
        return new ConfidenceInterval(-100, 100, 100, level);
    }

    /** {@code centre ± margin}, clamped to [−100, 100]. */
    static ConfidenceInterval around(double centre, double margin, double level) {
        return new ConfidenceInterval(Math.max(-100, centre - margin), Math.min(100, centre + margin), margin, level);
    }

    /** Whether a value lies inside the interval (bounds included). */
    public boolean contains(double nps) {
        return nps >= lower && nps <= upper;
    }
}
