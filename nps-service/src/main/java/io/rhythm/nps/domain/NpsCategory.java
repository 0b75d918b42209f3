package io.rhythm.nps.domain;

/**
 * The three NPS categories of a 0–10 "how likely are you to recommend us" score.
 *
 * <p>Rule (seed 001 "Survey Response Analysis Workflow", DESIGN "Domain anchors"): detractors score
 * 0–6, passives 7–8, promoters 9–10. Anything outside 0–10 is not an NPS answer and is rejected.
 */
public enum NpsCategory {

    /** 0–6: immediate CSM outreach within 24 hours (seed 001). */
    DETRACTOR(0, 6),
    /** 7–8: engage for feedback and improvement opportunities (seed 001). */
    PASSIVE(7, 8),
    /** 9–10: advocacy and expansion opportunities (seed 001). */
    PROMOTER(9, 10);

    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 10;

    private final int lowest;
    private final int highest;

    NpsCategory(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    /** Lowest score (inclusive) in this category. */
    public int lowest() {
        return lowest;
    }

    /** Highest score (inclusive) in this category. */
    public int highest() {
        return highest;
    }

    /**
     * The category of a score.
     *
     * @throws IllegalArgumentException if the score is outside 0–10
     */
    public static NpsCategory of(int score) {
        requireValidScore(score);
        if (score >= PROMOTER.lowest) {
            return PROMOTER;
        }
        return score >= PASSIVE.lowest ? PASSIVE : DETRACTOR;
    }

    /** Whether a score is a valid NPS answer (0–10). */
    public static boolean isValidScore(int score) {
        return score >= MIN_SCORE && score <= MAX_SCORE;
    }

    /**
     * Returns the score if it is 0–10.
     *
     * @throws IllegalArgumentException otherwise, naming the offending value
     */
    public static int requireValidScore(int score) {
        if (!isValidScore(score)) {
            throw new IllegalArgumentException("An NPS score must be between 0 and 10, was " + score);
        }
        return score;
    }

    /** The +1 / 0 / −1 contribution of one response of this category to the NPS (used for its variance). */
    public int npsContribution() {
        return switch (this) {
            case PROMOTER -> 1;
            case PASSIVE -> 0;
            case DETRACTOR -> -1;
        };
    }
}
