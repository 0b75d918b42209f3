package io.rhythm.nps.domain.themes;

/**
 * Where a sentiment score in [−1, 1] turns negative or positive.
 *
 * <p>Seed 002 (Module 2) asks for "thresholds for customer sentiment deterioration that trigger mandatory
 * intervention plans", without numbers. Rhythm's defaults: a score <b>below −0.3</b> is
 * {@link SentimentLabel#NEGATIVE} and calls for intervention; <b>above 0.3</b> is
 * {@link SentimentLabel#POSITIVE}; anything from −0.3 to 0.3 (inclusive) is neutral. With the
 * {@link SentimentScorer}'s balance score, −0.3 means roughly "two negative words for every positive one".
 *
 * @param negativeBelow scores strictly below this are negative
 * @param positiveAbove scores strictly above this are positive
 */
public record SentimentThresholds(double negativeBelow, double positiveAbove) {

    public static final SentimentThresholds DEFAULT = new SentimentThresholds(-0.3, 0.3);

    public SentimentThresholds {
        if (negativeBelow < -1 || positiveAbove > 1 || negativeBelow > positiveAbove) {
            throw new IllegalArgumentException("Need -1 <= negativeBelow <= positiveAbove <= 1");
        }
    }

    public SentimentLabel label(double score) {
        if (score < negativeBelow) {
            return SentimentLabel.NEGATIVE;
        }
        return score > positiveAbove ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    }

    /** Seed 002: sentiment below the negative threshold triggers a mandatory intervention plan. */
    public boolean requiresIntervention(double score) {
        return label(score) == SentimentLabel.NEGATIVE;
    }
}
