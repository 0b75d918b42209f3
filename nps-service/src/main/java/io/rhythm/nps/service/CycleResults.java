package io.rhythm.nps.service;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.analytics.Breakdowns;
import io.rhythm.nps.domain.analytics.Breakdowns.Answer;
import io.rhythm.nps.domain.analytics.Breakdowns.Figures;
import io.rhythm.nps.domain.analytics.Breakdowns.GroupKey;
import io.rhythm.nps.domain.analytics.NpsSummary;
import io.rhythm.nps.domain.analytics.NpsTrend;
import io.rhythm.nps.domain.analytics.Population;
import io.rhythm.nps.domain.analytics.ResponseRate;
import io.rhythm.nps.domain.analytics.WeightedNpsSummary;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A cycle's results within the caller's portfolio: NPS with its confidence interval (and a plain-words
 * caveat on small samples), the spread of scores, the response rate against the > 40 % target (eligible
 * respondents ÷ eligible contacts of the frozen recipient list, whatever the channel: {@link Population}), the
 * NPS weighted by client revenue next to the unweighted one, and the same per client, segment, business
 * unit, CSE and CAM; and the same figures over cycles (the trend). The arithmetic is {@link Breakdowns} and
 * {@link NpsTrend}; this class loads answers and recipient counts and decides what the caller may see.
 */
@ApplicationScoped
public class CycleResults {

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory clients;
    @Inject
    Caller caller;
    @Inject
    RecipientPopulations populations;

    public record Group(String key, String name, NpsSummary summary, Rate responseRate, String caveat,
                        WeightedNpsSummary weightedByRevenue) {
    }

    /**
     * The response rate of a group: {@code responded} of its {@code eligible} contacts on the frozen recipient list
     * answered (any channel), in percent against the target (met only strictly above it). {@code responses} are all
     * answers of the group (the NPS base) and {@code invited} the invitations Rhythm sent itself (0 for a cycle run in
     * HubSpot) — neither is the base of the rate.
     */
    public record Rate(int eligible, int responded, double percent, int targetPercent, boolean targetMet, int responsesNeeded,
                       int responses, int invited) {
    }

    public record Results(String cycleId, String cycleName, boolean recipientsFrozen, NpsSummary overall, String caveat,
                          Rate responseRate, WeightedNpsSummary weightedByRevenue, List<Group> byClient,
                          List<Group> byBusinessUnit, List<Group> byCse, List<Group> byCam, List<Group> bySegment) {
    }

    /** One breakdown of a cycle ({@code groupBy}). */
    public record Breakdown(String cycleId, String cycleName, String groupBy, Group overall, List<Group> groups) {
    }

    /** The filter of a trend: every set field must match (row-level access applies on top). */
    public record TrendFilter(UUID clientId, String segment, String businessUnit, String cse) {
    }

    public record TrendPoint(String cycleId, String cycleName, LocalDate openDate, LocalDate closeDate, NpsSummary summary,
                             Rate responseRate, WeightedNpsSummary weightedByRevenue, String caveat,
                             NpsTrend.Change changeFromPrevious) {
    }

    public record Trend(TrendFilter filter, List<TrendPoint> cycles) {
    }

    public Results of(UUID cycleId) {
        SurveyCycle cycle = requireCycle(cycleId);
        VisibleClients visible = new VisibleClients(em, clients, caller);
        List<Answer> answers = answers(cycleId, visible);
        Map<UUID, Population> invited = population(cycleId, visible);
        Group overall = group(Breakdowns.total(cycleId.toString(), cycle.name, answers, invited));
        return new Results(cycleId.toString(), cycle.name, cycle.recipientsFrozenAt != null, overall.summary(),
                overall.caveat(), overall.responseRate(), overall.weightedByRevenue(),
                groups(answers, invited, visible, Dimension.CLIENT), groups(answers, invited, visible, Dimension.BUSINESS_UNIT),
                groups(answers, invited, visible, Dimension.CSE), groups(answers, invited, visible, Dimension.CAM),
                groups(answers, invited, visible, Dimension.SEGMENT));
    }

    public Breakdown breakdown(UUID cycleId, Dimension by) {
        SurveyCycle cycle = requireCycle(cycleId);
        VisibleClients visible = new VisibleClients(em, clients, caller);
        List<Answer> answers = answers(cycleId, visible);
        Map<UUID, Population> invited = population(cycleId, visible);
        return new Breakdown(cycleId.toString(), cycle.name, by.parameter(),
                group(Breakdowns.total(cycleId.toString(), cycle.name, answers, invited)), groups(answers, invited, visible, by));
    }

    /**
     * Every cycle in order of open date (then name) with the figures of the answers matching the filter, and the
     * change from the previous cycle with answers. Cycles in which the filter has neither answers nor recipients
     * are left out.
     *
     * @throws ApiException 404 when the filter names a client the caller cannot see
     */
    public Trend trend(TrendFilter filter) {
        VisibleClients visible = new VisibleClients(em, clients, caller);
        if (filter.clientId() != null && visible.of(filter.clientId()).isEmpty()) {
            throw ApiException.notFound("Client", filter.clientId());
        }
        Predicate<VisibleClients.Facts> matches = facts -> (filter.clientId() == null || filter.clientId().equals(facts.entry().clientId()))
                && (filter.segment() == null || filter.segment().equalsIgnoreCase(facts.key(Dimension.SEGMENT)))
                && (filter.businessUnit() == null || filter.businessUnit().equalsIgnoreCase(facts.key(Dimension.BUSINESS_UNIT)))
                && (filter.cse() == null || filter.cse().equalsIgnoreCase(facts.key(Dimension.CSE)));
        String clientClause = filter.clientId() == null ? "" : " where client_id = ?1";
        Map<UUID, List<Answer>> answersByCycle = new HashMap<>();
        // Aggregated in the database (a score histogram per cycle and client), expanded to answers here.
        var answerQuery = em.createNativeQuery("select cycle_id, client_id, score, count(*) from survey_response" + clientClause
                + " group by cycle_id, client_id, score");
        if (filter.clientId() != null) {
            answerQuery.setParameter(1, filter.clientId());
        }
        List<?> answerRows = answerQuery.getResultList();
        Map<UUID, Map<UUID, Population>> populationByCycle = populations.ofAllCycles(filter.clientId());
        visible.preload(java.util.stream.Stream.concat(answerRows.stream().map(row -> (UUID) ((Object[]) row)[1]),
                populationByCycle.values().stream().flatMap(m -> m.keySet().stream())).toList());
        for (Object row : answerRows) {
            Object[] c = (Object[]) row;
            UUID client = (UUID) c[1];
            visible.of(client).filter(matches).ifPresent(facts -> add(answersByCycle.computeIfAbsent((UUID) c[0], k -> new ArrayList<>()),
                    client, ((Number) c[2]).intValue(), ((Number) c[3]).intValue(), facts.entry().arrAmount()));
        }
        Map<UUID, Map<UUID, Population>> invitedByCycle = new HashMap<>();
        populationByCycle.forEach((cycle, byClient) -> byClient.forEach((client, population) -> {
            if (visible.of(client).filter(matches).isPresent()) {
                invitedByCycle.computeIfAbsent(cycle, k -> new HashMap<>()).put(client, population);
            }
        }));
        List<NpsTrend.Period<SurveyCycle>> periods = new ArrayList<>();
        Map<SurveyCycle, Figures> figures = new LinkedHashMap<>();
        for (SurveyCycle cycle : SurveyCycle.<SurveyCycle>list("order by openDate, name, id")) {
            List<Answer> answers = answersByCycle.getOrDefault(cycle.id, List.of());
            Map<UUID, Population> invited = invitedByCycle.getOrDefault(cycle.id, Map.of());
            if (answers.isEmpty() && invited.isEmpty()) {
                continue;
            }
            Figures f = Breakdowns.total(cycle.id.toString(), cycle.name, answers, invited);
            figures.put(cycle, f);
            periods.add(new NpsTrend.Period<>(cycle, f.summary(), f.responseRate()));
        }
        List<TrendPoint> points = new ArrayList<>();
        for (NpsTrend.Point<SurveyCycle> point : NpsTrend.of(periods)) {
            SurveyCycle cycle = point.period().period();
            Group g = group(figures.get(cycle));
            points.add(new TrendPoint(cycle.id.toString(), cycle.name, cycle.openDate, cycle.closeDate, g.summary(),
                    g.responseRate(), g.weightedByRevenue(), g.caveat(), point.change()));
        }
        return new Trend(filter, points);
    }

    private SurveyCycle requireCycle(UUID cycleId) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        return cycle;
    }

    /** The cycle's answers of visible clients, read as a score histogram per client (the database aggregates). */
    private List<Answer> answers(UUID cycleId, VisibleClients visible) {
        List<Answer> answers = new ArrayList<>();
        List<?> rows = em.createNativeQuery("select client_id, score, count(*) from survey_response where cycle_id = ?1 group by client_id, score")
                .setParameter(1, cycleId).getResultList();
        visible.preload(rows.stream().map(row -> (UUID) ((Object[]) row)[0]).toList());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            UUID client = (UUID) c[0];
            visible.of(client).ifPresent(facts -> add(answers, client, ((Number) c[1]).intValue(), ((Number) c[2]).intValue(),
                    facts.entry().arrAmount()));
        }
        return answers;
    }

    private static void add(List<Answer> answers, UUID client, int score, int count, java.math.BigDecimal weight) {
        answers.add(new Answer(client, score, weight, count)); // counted, not expanded: a million answers stay ~100k entries
    }

    /** Client → eligible/responded/invited of the cycle's recipient lists, of visible clients. */
    private Map<UUID, Population> population(UUID cycleId, VisibleClients visible) {
        Map<UUID, Population> all = populations.ofCycle(cycleId);
        visible.preload(all.keySet());
        Map<UUID, Population> seen = new HashMap<>();
        all.forEach((client, population) -> visible.of(client).ifPresent(facts -> seen.put(client, population)));
        return seen;
    }

    private List<Group> groups(List<Answer> answers, Map<UUID, Population> invited, VisibleClients visible, Dimension by) {
        return Breakdowns.group(answers, invited, client -> visible.of(client).map(facts -> new GroupKey(facts.key(by), facts.name(by))))
                .stream().map(CycleResults::group).toList();
    }

    private static Group group(Figures f) {
        return new Group(f.key(), f.name(), f.summary(), rate(f.summary().count(), f.population(), f.responseRate()),
                caveat(f.summary()), f.weighted());
    }

    private static Rate rate(int responses, Population population, ResponseRate rate) {
        if (rate == null) {
            return null;
        }
        return new Rate(rate.recipients(), rate.responses(), Math.round(rate.percent() * 10) / 10.0, rate.targetPercent(),
                rate.targetMet(), rate.responsesNeeded(), responses, population.invited());
    }

    /** NPS is a noisy number on small samples: say so, with the interval, in words people read. */
    private static String caveat(NpsSummary summary) {
        if (summary.count() == 0) {
            return "No answers yet.";
        }
        if (!summary.smallSample()) {
            return null;
        }
        return "Only " + summary.count() + " answer" + (summary.count() == 1 ? "" : "s") + ": this NPS of " + summary.npsRounded()
                + " could plausibly be anywhere from " + Math.round(summary.confidenceInterval().lower()) + " to "
                + Math.round(summary.confidenceInterval().upper()) + " (95 % interval); read it as a direction, not a measurement.";
    }
}
