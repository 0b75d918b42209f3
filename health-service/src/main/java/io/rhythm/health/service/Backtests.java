package io.rhythm.health.service;

import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.scoring.BacktestMetrics;
import io.rhythm.health.domain.scoring.HealthScore;
import io.rhythm.health.domain.scoring.HealthScorer;
import io.rhythm.health.domain.scoring.InsufficientHealthDataException;
import io.rhythm.health.domain.scoring.ScoringModel;
import io.rhythm.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Replays stored signals through a model version and judges it against what happened: for each client
 * with an outcome in the period, the score it would have had {@code horizonDays} before the outcome
 * (the prediction), and its month-end scores before that (for lead time). Inputs are the latest
 * observation of each metric as of the day, plus engagement derived from logged activities; the
 * client's current lifecycle stage is used (stage history is not kept yet). Outcomes recorded on renewals in
 * planning-service count like the others (RENEWED_WITH_CHANGE as RENEWED); each prediction names planning's outcome
 * ({@code renewalOutcome}) and {@code fromRenewals} counts them.
 */
@ApplicationScoped
public class Backtests {

    @Inject
    EntityManager em;
    @Inject
    HealthScoring scoring;

    public record ClientPrediction(String clientId, String outcome, LocalDate outcomeDate, LocalDate predictedOn,
                                   Double score, String band, String renewalOutcome) {
    }

    public record Report(int modelVersion, LocalDate from, LocalDate to, int horizonDays, int clients, int churned,
                         int renewed, int unscored, Double auc, Double precision, Double recall,
                         BacktestMetrics.Classification confusion, Double averageLeadTimeDays, int churnedWithWarning,
                         int churnedWithoutWarning, int fromRenewals, List<ClientPrediction> predictions) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Report run(ScoringModel model, LocalDate from, LocalDate to, int horizonDays) {
        List<BacktestMetrics.Prediction> predictions = new ArrayList<>();
        List<BacktestMetrics.DatedScore> history = new ArrayList<>();
        Map<String, LocalDate> churnDates = new HashMap<>();
        List<ClientPrediction> perClient = new ArrayList<>();
        int churned = 0;
        int unscored = 0;
        int fromRenewals = 0;
        for (Object row : em.createNativeQuery("""
                        select client_id, outcome, outcome_date, renewal_outcome from client_outcome
                        where outcome_date between ?1 and ?2 order by outcome_date, client_id""")
                .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to)).getResultList()) {
            Object[] c = (Object[]) row;
            UUID clientId = (UUID) c[0];
            boolean churn = "CHURNED".equals(c[1]);
            LocalDate outcomeDate = SqlValues.localDate(c[2]);
            LocalDate predictedOn = outcomeDate.minusDays(horizonDays);
            Client client = Client.findById(clientId);
            HealthScore score = scoreAsOf(model, client, predictedOn);
            perClient.add(new ClientPrediction(clientId.toString(), (String) c[1], outcomeDate, predictedOn,
                    score == null ? null : score.score(), score == null ? null : score.band().name(), (String) c[3]));
            if (c[3] != null) {
                fromRenewals++;
            }
            if (score == null) {
                unscored++;
                continue;
            }
            predictions.add(new BacktestMetrics.Prediction(clientId.toString(), score.score(), churn));
            if (churn) {
                churned++;
                churnDates.put(clientId.toString(), outcomeDate);
                for (LocalDate monthEnd = outcomeDate.minusMonths(12).withDayOfMonth(1).minusDays(1);
                     monthEnd.isBefore(outcomeDate); monthEnd = monthEnd.plusDays(1).plusMonths(1).minusDays(1)) {
                    HealthScore then = scoreAsOf(model, client, monthEnd);
                    if (then != null) {
                        history.add(new BacktestMetrics.DatedScore(clientId.toString(), monthEnd, then.score()));
                    }
                }
            }
        }
        BacktestMetrics.Classification confusion = BacktestMetrics.classifyChurnWarnings(predictions);
        BacktestMetrics.LeadTime lead = BacktestMetrics.leadTime(history, churnDates);
        return new Report(model.version(), from, to, horizonDays, perClient.size(), churned, predictions.size() - churned,
                unscored, value(BacktestMetrics.auc(predictions)), value(confusion.precision()), value(confusion.recall()),
                confusion, value(lead.averageDays()), lead.churnedWithWarning(), lead.churnedWithoutWarning(), fromRenewals, perClient);
    }

    /** The score the model gives the client with what was known at the end of {@code day}; null without data. */
    private HealthScore scoreAsOf(ScoringModel model, Client client, LocalDate day) {
        var asOf = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<String, Double> inputs = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select distinct on (metric) metric, value from signal_observation
                        where client_id = ?1 and occurred_at < ?2 order by metric, occurred_at desc, event_id desc""")
                .setParameter(1, client.id).setParameter(2, asOf).getResultList()) {
            Object[] c = (Object[]) row;
            inputs.put((String) c[0], ((Number) c[1]).doubleValue());
        }
        inputs.putAll(scoring.engagementInputs(client.id, day));
        try {
            return HealthScorer.score(model, client.lifecycleStage, inputs);
        } catch (InsufficientHealthDataException e) {
            return null;
        }
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? Math.round(value.getAsDouble() * 1000) / 1000.0 : null;
    }
}
