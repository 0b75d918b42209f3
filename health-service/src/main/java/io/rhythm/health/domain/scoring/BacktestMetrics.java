package io.rhythm.health.domain.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How well health scores predicted churn — seed 002, "Regularly audit health score accuracy by
 * correlating predictions with actual churn and expansion outcomes"; issue 4, "Backtesting".
 * Pure functions over predictions and outcomes; the replay that produces them lives elsewhere.
 *
 * <ul>
 *   <li>{@link #auc}: area under the ROC curve of the health score as a churn predictor (a lower
 *       score should mean churn), by Mann–Whitney: the share of (churned, retained) client pairs
 *       in which the churned client had the lower score, ties counting half. 0.5 = no better than
 *       chance, 1.0 = perfect.</li>
 *   <li>{@link #classifyChurnWarnings}: precision and recall of "At-Risk or Critical" (published
 *       score &lt; 70) as the prediction "will churn".</li>
 *   <li>{@link #leadTime}: for each churned client, the days between the first At-Risk/Critical
 *       score of the warning still in force at churn and the churn date; a score of 70 or more
 *       ends a warning, so an alarm that was withdrawn before churn does not count as lead time.
 *       Churned clients not in warning at churn are counted as without warning.</li>
 * </ul>
 */
public final class BacktestMetrics {

    /**
     * One client's score at the prediction point (e.g. the renewal horizon) and what happened.
     *
     * @param clientId    the client
     * @param healthScore its published health score at the prediction point
     * @param churned     whether it churned (the outcome)
     */
    public record Prediction(String clientId, double healthScore, boolean churned) {
    }

    /**
     * A client's score on a day, one point of the replayed history.
     *
     * @param clientId    the client
     * @param date        the day of the score
     * @param healthScore the published health score
     */
    public record DatedScore(String clientId, LocalDate date, double healthScore) {
    }

    /**
     * Confusion matrix of "At-Risk or Critical" as a churn prediction.
     *
     * @param truePositives  warned and churned
     * @param falsePositives warned and retained
     * @param falseNegatives not warned and churned
     * @param trueNegatives  not warned and retained
     */
    public record Classification(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        /** Of the clients warned about, the share that churned; empty when nobody was warned about. */
        public OptionalDouble precision() {
            int warned = truePositives + falsePositives;
            return warned == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) truePositives / warned);
        }

        /** Of the clients that churned, the share warned about; empty when nobody churned. */
        public OptionalDouble recall() {
            int churned = truePositives + falseNegatives;
            return churned == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) truePositives / churned);
        }
    }

    /**
     * Lead time of churn warnings.
     *
     * @param averageDays            mean days from warning to churn over the churned clients that
     *                               were warned; empty when none was
     * @param churnedWithWarning     churned clients in warning at churn
     * @param churnedWithoutWarning  churned clients not in warning at churn (or without scores)
     */
    public record LeadTime(OptionalDouble averageDays, int churnedWithWarning, int churnedWithoutWarning) {
    }

    private BacktestMetrics() {
    }

    /**
     * AUC of the health score as a churn predictor (lower score = more likely to churn), by
     * Mann–Whitney with ties counted half; empty unless there is at least one churned and one
     * retained client.
     *
     * @throws IllegalArgumentException when a client has more than one prediction
     */
    public static OptionalDouble auc(List<Prediction> predictions) {
        requireOnePerClient(predictions);
        List<Prediction> ascending = new ArrayList<>(predictions);
        ascending.sort(Comparator.comparingDouble(Prediction::healthScore));
        long churned = 0;
        double churnedRankSum = 0;
        int i = 0;
        while (i < ascending.size()) {
            int tieEnd = i;
            while (tieEnd + 1 < ascending.size()
                    && ascending.get(tieEnd + 1).healthScore() == ascending.get(i).healthScore()) {
                tieEnd++;
            }
            double averageRank = (i + 1 + tieEnd + 1) / 2.0;
            for (int k = i; k <= tieEnd; k++) {
                if (ascending.get(k).churned()) {
                    churned++;
                    churnedRankSum += averageRank;
                }
            }
            i = tieEnd + 1;
        }
        long retained = ascending.size() - churned;
        if (churned == 0 || retained == 0) {
            return OptionalDouble.empty();
        }
        // U counts pairs where the churned client scored HIGHER than the retained one (ties half)
        double churnedScoredHigher = churnedRankSum - churned * (churned + 1) / 2.0;
        return OptionalDouble.of(1.0 - churnedScoredHigher / ((double) churned * retained));
    }

    /**
     * Confusion matrix of "At-Risk or Critical" (published score &lt; 70) as the prediction "will churn".
     *
     * @throws IllegalArgumentException when a client has more than one prediction
     */
    public static Classification classifyChurnWarnings(List<Prediction> predictions) {
        requireOnePerClient(predictions);
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int trueNegatives = 0;
        for (Prediction prediction : predictions) {
            boolean warned = Band.of(Tenths.roundToOneDecimal(prediction.healthScore())).isChurnWarning();
            if (warned && prediction.churned()) {
                truePositives++;
            } else if (warned) {
                falsePositives++;
            } else if (prediction.churned()) {
                falseNegatives++;
            } else {
                trueNegatives++;
            }
        }
        return new Classification(truePositives, falsePositives, falseNegatives, trueNegatives);
    }

    /**
     * Lead time from warning to churn.
     *
     * @param history    scores of any clients on any days (any order); scores after a client's churn date are ignored
     * @param churnDates the churn date of every churned client
     */
    public static LeadTime leadTime(List<DatedScore> history, Map<String, LocalDate> churnDates) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(churnDates, "churnDates");
        Map<String, List<DatedScore>> byClient = new HashMap<>();
        for (DatedScore score : history) {
            if (churnDates.containsKey(score.clientId())) {
                byClient.computeIfAbsent(score.clientId(), id -> new ArrayList<>()).add(score);
            }
        }
        long totalDays = 0;
        int withWarning = 0;
        for (Map.Entry<String, LocalDate> churn : churnDates.entrySet()) {
            LocalDate warningSince = warningInForce(byClient.getOrDefault(churn.getKey(), List.of()), churn.getValue());
            if (warningSince != null) {
                totalDays += ChronoUnit.DAYS.between(warningSince, churn.getValue());
                withWarning++;
            }
        }
        int withoutWarning = churnDates.size() - withWarning;
        OptionalDouble average = withWarning == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) totalDays / withWarning);
        return new LeadTime(average, withWarning, withoutWarning);
    }

    /** The first day of the At-Risk/Critical run still going on at the churn date, or null. */
    private static LocalDate warningInForce(List<DatedScore> scores, LocalDate churnDate) {
        List<DatedScore> chronological = new ArrayList<>(scores);
        chronological.sort(Comparator.comparing(DatedScore::date));
        LocalDate warningSince = null;
        for (DatedScore score : chronological) {
            if (score.date().isAfter(churnDate)) {
                break;
            }
            boolean warning = Band.of(Tenths.roundToOneDecimal(score.healthScore())).isChurnWarning();
            if (!warning) {
                warningSince = null;
            } else if (warningSince == null) {
                warningSince = score.date();
            }
        }
        return warningSince;
    }

    private static void requireOnePerClient(List<Prediction> predictions) {
        Objects.requireNonNull(predictions, "predictions");
        Set<String> seen = new HashSet<>();
        for (Prediction prediction : predictions) {
            if (!seen.add(prediction.clientId())) {
                throw new IllegalArgumentException("more than one prediction for client " + prediction.clientId()
                        + "; give one prediction per client (its score at the prediction point)");
            }
        }
    }
}
