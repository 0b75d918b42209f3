package io.rhythm.nps.domain.analytics;

import java.math.BigDecimal;

/**
 * The NPS with every response weighted by its client's value, reported <b>next to</b> (never instead
 * of) the unweighted figure.
 *
 * <p>Rule (seed 002, Module 2: "weighting input based on customer lifetime value and engagement
 * depth" to avoid over-indexing on a vocal minority; issue 5: "optional weighting of responses by
 * client value (ARR), shown separately from the unweighted figure"): weighted share of a category =
 * Σ weights of its responses / Σ all weights; weighted NPS = weighted % promoters − weighted %
 * detractors. With a total weight of zero there is no weighted figure: everything weighted is 0 and
 * {@link #hasWeight()} is false.
 *
 * @param unweighted              the ordinary summary of the same responses (every response counts once)
 * @param totalWeight             Σ weights
 * @param promoterPercent         weighted % promoters
 * @param passivePercent          weighted % passives
 * @param detractorPercent        weighted % detractors
 * @param nps                     exact weighted NPS
 * @param npsRounded              weighted NPS rounded half away from zero
 * @param averageScore            weighted mean score
 * @param effectiveResponseCount  Kish's effective sample size (Σw)² / Σw²: how many equally weighted
 *                                responses the weighted NPS is "worth" — small when a few large clients
 *                                dominate
 */
public record WeightedNpsSummary(
        NpsSummary unweighted,
        BigDecimal totalWeight,
        double promoterPercent,
        double passivePercent,
        double detractorPercent,
        double nps,
        int npsRounded,
        double averageScore,
        double effectiveResponseCount) {

    public boolean hasWeight() {
        return totalWeight.signum() > 0;
    }

    /** Weighted minus unweighted NPS in points: positive when high-value clients are happier than average. */
    public double weightingEffect() {
        return hasWeight() ? nps - unweighted.nps() : 0;
    }
}
