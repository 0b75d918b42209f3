package io.rhythm.nps.domain.analytics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The NPS of a group of responses (a cycle, a client, a segment, a business unit, a CSE …), with the
 * counts and the statistics a reader needs to judge it. Built by {@link NpsCalculator#summarise}.
 *
 * <p>No field is ever NaN: an empty group has {@code count == 0}, zero counts, percentages, NPS,
 * average, min, max and standard deviation, the "no information" interval [−100, 100], and
 * {@link #isEmpty()} is true — check it before showing a 0 as if it were a measured NPS.
 *
 * @param count              number of responses
 * @param promoters          responses scoring 9–10
 * @param passives           responses scoring 7–8
 * @param detractors         responses scoring 0–6
 * @param promoterPercent    100 × promoters / count
 * @param passivePercent     100 × passives / count
 * @param detractorPercent   100 × detractors / count
 * @param nps                exact NPS = %promoters − %detractors (−100 … 100)
 * @param npsRounded         the NPS rounded half away from zero ({@link NpsRounding})
 * @param average            mean score (0–10)
 * @param min                lowest score
 * @param max                highest score
 * @param standardDeviation  <b>sample</b> standard deviation of the scores (divisor n − 1; 0 for n ≤ 1)
 * @param confidenceInterval 95 % confidence interval of the NPS ({@link NpsCalculator})
 * @param smallSample        true when {@code count < }{@value NpsCalculator#SMALL_SAMPLE_THRESHOLD}
 */
public record NpsSummary(
        int count,
        int promoters,
        int passives,
        int detractors,
        double promoterPercent,
        double passivePercent,
        double detractorPercent,
        double nps,
        int npsRounded,
        double average,
        int min,
        int max,
        double standardDeviation,
        ConfidenceInterval confidenceInterval,
        boolean smallSample) {

    public NpsSummary {
        if (count < 0 || promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (promoters + passives + detractors != count) {
            throw new IllegalArgumentException("promoters + passives + detractors must equal count");
        }
        if (confidenceInterval == null) {
            throw new IllegalArgumentException("confidenceInterval is required");
        }
    }

    /** The summary of no responses at all (see the class comment for its values). */
    public static NpsSummary empty() {
        return new NpsSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                ConfidenceInterval.noInformation(NpsCalculator.CONFIDENCE_LEVEL), true);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The average as people quote it, one decimal, half away from zero (SA Health: "6.1 avg"). */
    public BigDecimal averageOneDecimal() {
        return NpsRounding.halfAwayFromZero(average, 1);
    }

    /**
     * A plain-words warning when the NPS should not be read as a precise number: no responses, or fewer
     * than {@value NpsCalculator#SMALL_SAMPLE_THRESHOLD}. Empty when the sample is large enough.
     */
    public Optional<String> caveat() {
        if (isEmpty()) {
            return Optional.of("No responses yet: there is no NPS to report for this group.");
        }
        if (!smallSample) {
            return Optional.empty();
        }
        return Optional.of(("Only %d %s (fewer than %d): this NPS of %d is a noisy number. Its 95 %% confidence "
                + "interval runs from %d to %d, and on a sample this small even that interval is only a rough "
                + "guide. Read it as an indication, not as a trend.").formatted(
                count, count == 1 ? "response" : "responses", NpsCalculator.SMALL_SAMPLE_THRESHOLD, npsRounded,
                NpsRounding.halfAwayFromZero(confidenceInterval.lower()),
                NpsRounding.halfAwayFromZero(confidenceInterval.upper())));
    }
}
