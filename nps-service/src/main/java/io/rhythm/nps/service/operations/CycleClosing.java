package io.rhythm.nps.service.operations;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.operations.CycleFigures;
import io.rhythm.nps.domain.operations.TopThemes;
import io.rhythm.nps.domain.schedule.MilestoneCode;
import io.rhythm.nps.service.themes.ResponseThemes;
import io.rhythm.nps.service.themes.ThemeCatalog;
import io.rhythm.nps.service.Milestones;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.payload.CycleClosed;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Closes a cycle — by the milestone scan once its close date has ended, or earlier by a leader — in one transaction:
 * status CLOSED with who and when, the whole cycle's results computed and frozen on the cycle row, the SURVEY_CLOSE
 * milestone completed, and {@code CycleClosed} with those results written to the outbox.
 *
 * <p>After the close its survey links answer 410 Gone, imports into it are refused (409) and no invitation or
 * reminder is sent. The cycle row is locked while closing, and an answer locks it shared while it is recorded
 * (see SurveyResponses), so no answer can slip in between the results and the close.
 */
@ApplicationScoped
public class CycleClosing {

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    Milestones milestones;
    @Inject
    Clock clock;
    @Inject
    io.rhythm.nps.service.RecipientPopulations populations;

    /** How many themes the frozen results name (most frequent first). */
    @Inject
    ThemeCatalog catalog;
    @Inject
    ResponseThemes responseThemes;
    @ConfigProperty(name = "rhythm.nps.close.top-themes", defaultValue = "5")
    int topThemes;

    /** A closed cycle and its frozen results. */
    public record Closing(String cycleId, String cycleName, String status, Instant closedAt, String closedBy,
                          CycleClosed.Results results) {
    }

    /** Closes an open cycle: 404 for an unknown cycle, 409 if it is closed already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Closing close(UUID cycleId, String by) {
        return closeIfOpen(cycleId, by).orElseThrow(() -> {
            SurveyCycle cycle = SurveyCycle.findById(cycleId);
            return ApiException.conflict(cycle.name + " was closed already, by " + cycle.closedBy + " at " + cycle.closedAt);
        });
    }

    /** Closes the cycle unless it is closed already (then empty); 404 for an unknown cycle. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Closing> closeIfOpen(UUID cycleId, String by) {
        List<?> locked = em.createNativeQuery("""
                        select name, open_date, close_date, status from survey_cycle where id = ?1 for no key update""")
                .setParameter(1, cycleId).getResultList();
        if (locked.isEmpty()) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        Object[] c = (Object[]) locked.get(0);
        if (SurveyCycle.CLOSED.equals(c[3])) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        CycleClosed.Results results = results(cycleId);
        em.createNativeQuery("""
                        update survey_cycle set status = 'CLOSED', closed_at = ?1, closed_by = ?2, closed_results = cast(?3 as jsonb)
                        where id = ?4""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, by).setParameter(3, Json.write(results))
                .setParameter(4, cycleId).executeUpdate();
        milestones.completeIfOpen(cycleId, MilestoneCode.SURVEY_CLOSE.name(), by);
        outbox.publish(EventCatalogue.CYCLE_CLOSED, cycleId.toString(), new CycleClosed(cycleId.toString(), (String) c[0],
                SqlValues.localDate(c[1]), SqlValues.localDate(c[2]), now, by, results));
        return Optional.of(new Closing(cycleId.toString(), (String) c[0], SurveyCycle.CLOSED, now, by, results));
    }

    /** The frozen results of a closed cycle; empty while it is open; 404 for an unknown cycle. */
    public Optional<Closing> of(UUID cycleId) {
        List<?> rows = em.createNativeQuery("""
                        select name, status, closed_at, closed_by, cast(closed_results as text) from survey_cycle where id = ?1""")
                .setParameter(1, cycleId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        Object[] c = (Object[]) rows.get(0);
        if (!SurveyCycle.CLOSED.equals(c[1])) {
            return Optional.empty();
        }
        CycleClosed.Results results = Json.read(Json.tree(parse((String) c[4])), CycleClosed.Results.class);
        return Optional.of(new Closing(cycleId.toString(), (String) c[0], SurveyCycle.CLOSED, SqlValues.instant(c[2]),
                (String) c[3], results));
    }

    /** The whole cycle's results now (every response and recipient, whoever owns the client). */
    CycleClosed.Results results(UUID cycleId) {
        List<Integer> scores = em.createNativeQuery("select score from survey_response where cycle_id = ?1")
                .setParameter(1, cycleId).getResultList().stream().map(s -> ((Number) s).intValue()).toList();
        Object[] invitations = (Object[]) em.createNativeQuery(
                        "select count(*), count(responded_at) from survey_invitation where cycle_id = ?1")
                .setParameter(1, cycleId).getSingleResult();
        List<TopThemes.Ranked> themes = TopThemes.rank(responseThemes.counts(cycleId, null), scores.size(), topThemes, catalog::name);
        CycleFigures f = CycleFigures.of(scores, populations.total(cycleId), ((Number) invitations[1]).intValue(), themes);
        return new CycleClosed.Results(f.responses(), f.invited(), f.invitedResponded(),
                new CycleClosed.ResponseRate(f.responseRatePercent(), f.targetPercent(), f.targetMet(), f.responsesNeeded()),
                f.nps(), f.npsRounded(),
                f.nps() == null ? null : new CycleClosed.ConfidenceInterval(f.ciLower(), f.ciUpper(), f.ciLevel()),
                f.smallSample(), f.promoters(), f.passives(), f.detractors(), f.average(), f.min(), f.max(),
                f.standardDeviation(),
                f.topThemes().stream().map(t -> new CycleClosed.ThemeCount(t.theme(), t.name(), t.count(),
                        t.percentOfResponses())).toList(), f.eligible(), f.eligibleResponded());
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored results of a closed cycle are not JSON", e);
        }
    }
}
