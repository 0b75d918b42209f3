package io.rhythm.nps.domain.operations;

import io.rhythm.nps.domain.analytics.NpsCalculator;
import io.rhythm.nps.domain.analytics.NpsRounding;
import io.rhythm.nps.domain.analytics.NpsSummary;
import io.rhythm.nps.domain.analytics.Population;
import io.rhythm.nps.domain.analytics.ResponseRate;

import java.util.List;
import java.util.Objects;

/**
 * A whole cycle's results as frozen at its close (the "results" of CycleClosed), from its scores, its frozen
 * recipient list, its invitations and its themes.
 *
 * <ul>
 *   <li>Response rate: eligible contacts of the frozen recipient list who answered (by any channel: own link, HubSpot
 *       import, webhook) ÷ eligible contacts, against the &gt; 40 % target ({@link Population}, {@link ResponseRate});
 *       an answer from someone not eligible is in the NPS but not in the rate, so the rate never exceeds 100 %.
 *       {@code invited}/{@code invitedResponded} are Rhythm's own invitations (0 for a cycle run in HubSpot).</li>
 *   <li>NPS, counts, average, min–max, standard deviation and the 95 % interval: {@link NpsCalculator} over
 *       <b>every</b> response of the cycle (imports included).</li>

 *   <li>Without responses every NPS figure is {@code null} — there is no NPS of nobody, and a 0 would read as one.</li>
 *   <li>Rounded for people and events: NPS and percentages to one decimal, average and standard deviation to two,
 *       half away from zero; the rounded NPS is {@link NpsSummary#npsRounded()}.</li>
 * </ul>
 */
public record CycleFigures(int responses, int invited, int invitedResponded, double responseRatePercent, int targetPercent,
                           boolean targetMet, int responsesNeeded, Double nps, Integer npsRounded, Double ciLower,
                           Double ciUpper, double ciLevel, boolean smallSample, int promoters, int passives, int detractors,
                           Double average, Integer min, Integer max, Double standardDeviation,
                           List<TopThemes.Ranked> topThemes, int eligible, int eligibleResponded) {

    /**
     * @param population       the cycle's eligible and responded contacts (and Rhythm's invitations)
     * @param invitedResponded Rhythm's invitations that were answered
     */
    public static CycleFigures of(List<Integer> scores, Population population, int invitedResponded,
                                  List<TopThemes.Ranked> topThemes) {
        Objects.requireNonNull(topThemes, "topThemes");
        NpsSummary s = NpsCalculator.summarise(scores);
        ResponseRate rate = ResponseRate.of(population.responded(), population.eligible());
        boolean none = s.isEmpty();
        return new CycleFigures(s.count(), population.invited(), invitedResponded, round(rate.percent(), 1), rate.targetPercent(),
                rate.targetMet(), rate.responsesNeeded(),
                none ? null : round(s.nps(), 1), none ? null : s.npsRounded(),
                none ? null : round(s.confidenceInterval().lower(), 1), none ? null : round(s.confidenceInterval().upper(), 1),
                s.confidenceInterval().level(), s.smallSample(), s.promoters(), s.passives(), s.detractors(),
                none ? null : round(s.average(), 2), none ? null : s.min(), none ? null : s.max(),
                none ? null : round(s.standardDeviation(), 2), List.copyOf(topThemes), population.eligible(),
                population.responded());
    }

    private static double round(double value, int scale) {
        return NpsRounding.halfAwayFromZero(value, scale).doubleValue();
    }
}
