package io.rhythm.nps.domain.letters;

import io.rhythm.nps.domain.analytics.NpsSummary;

import java.math.BigDecimal;

/** The figures a letter or a talking point quotes for a group of answers: NPS rounded, average to one decimal. */
public record ScoreFigures(int responses, BigDecimal average, int nps, int min, int max, int promoters, int passives,
                           int detractors) {

    public static ScoreFigures of(NpsSummary summary) {
        return new ScoreFigures(summary.count(), summary.averageOneDecimal(), summary.npsRounded(), summary.min(),
                summary.max(), summary.promoters(), summary.passives(), summary.detractors());
    }

    /** "1-9" as people quote the spread of scores (seed 000: "6.1 avg (range 1-9)"). */
    public String range() {
        return min + "-" + max;
    }
}
