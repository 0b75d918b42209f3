package io.rhythm.nps.domain.letters;

import java.math.BigDecimal;

/**
 * A client's figures in its previous cycle and the change since: NPS points (of the rounded NPS, the
 * numbers the letter shows, so the difference adds up on paper) and the change of the one-decimal average.
 */
public record LetterTrend(String previousCycleId, String previousCycleName, ScoreFigures previous, int npsChange,
                          BigDecimal averageChange, Direction direction) {

    public enum Direction { UP, DOWN, UNCHANGED }

    public static LetterTrend between(ScoreFigures current, String previousCycleId, String previousCycleName,
                                      ScoreFigures previous) {
        int change = current.nps() - previous.nps();
        BigDecimal averageChange = current.average().subtract(previous.average());
        Direction direction = change > 0 ? Direction.UP : change < 0 ? Direction.DOWN : Direction.UNCHANGED;
        return new LetterTrend(previousCycleId, previousCycleName, previous, change, averageChange, direction);
    }

    /** "+12", "−5", "±0": the NPS change as the letter prints it. */
    public String npsChangeText() {
        return npsChange > 0 ? "+" + npsChange : npsChange < 0 ? "-" + (-npsChange) : "±0";
    }

    /** The size of the NPS change, without sign. */
    public int npsChangeSize() {
        return Math.abs(npsChange);
    }
}
