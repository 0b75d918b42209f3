package io.rhythm.nps.service;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.analytics.NpsCalculator;
import io.rhythm.nps.domain.analytics.NpsSummary;
import io.rhythm.nps.domain.analytics.ResponseRate;
import io.rhythm.nps.domain.analytics.WeightedNpsSummary;
import io.rhythm.nps.domain.analytics.WeightedScore;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * A cycle's results within the caller's portfolio: NPS with its confidence interval (and a plain-words
 * caveat on small samples), the spread of scores, the response rate against the > 40 % target, the
 * NPS weighted by client revenue next to the unweighted one, and the same per client, business unit
 * and CSE.
 */
@ApplicationScoped
public class CycleResults {

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory clients;
    @Inject
    Caller caller;

    public record Group(String key, String name, NpsSummary summary, Rate responseRate, String caveat) {
    }

    public record Rate(int responses, int invited, double percent, int targetPercent, boolean targetMet) {
    }

    public record Results(String cycleId, String cycleName, NpsSummary overall, String caveat, Rate responseRate,
                          WeightedNpsSummary weightedByRevenue, List<Group> byClient, List<Group> byBusinessUnit,
                          List<Group> byCse) {
    }

    private record Answer(UUID clientId, int score) {
    }

    public Results of(UUID cycleId) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        Map<UUID, Optional<DirectoryEntry>> known = new HashMap<>();
        Function<UUID, Optional<DirectoryEntry>> visible = id -> known.computeIfAbsent(id,
                key -> clients.find(key).filter(entry -> caller.canSee(entry.ownership())));

        List<Answer> answers = new ArrayList<>();
        for (Object row : em.createNativeQuery("select client_id, score from survey_response where cycle_id = ?1")
                .setParameter(1, cycleId).getResultList()) {
            Object[] c = (Object[]) row;
            UUID client = (UUID) c[0];
            if (visible.apply(client).isPresent()) {
                answers.add(new Answer(client, ((Number) c[1]).intValue()));
            }
        }
        Map<UUID, Integer> invited = new HashMap<>();
        for (Object row : em.createNativeQuery("select client_id, count(*) from survey_invitation where cycle_id = ?1 group by client_id")
                .setParameter(1, cycleId).getResultList()) {
            Object[] c = (Object[]) row;
            if (visible.apply((UUID) c[0]).isPresent()) {
                invited.put((UUID) c[0], ((Number) c[1]).intValue());
            }
        }

        List<WeightedScore> weighted = new ArrayList<>();
        for (Answer answer : answers) {
            BigDecimal revenue = visible.apply(answer.clientId()).map(DirectoryEntry::arrAmount).orElse(null);
            if (revenue != null && revenue.signum() > 0) {
                weighted.add(new WeightedScore(answer.score(), revenue));
            }
        }
        NpsSummary overall = summary(answers);
        return new Results(cycleId.toString(), cycle.name, overall, caveat(overall),
                rate(answers.size(), invited.values().stream().mapToInt(Integer::intValue).sum()),
                weighted.isEmpty() ? null : NpsCalculator.summariseWeighted(weighted),
                groups(answers, invited, visible, entry -> entry.clientId().toString(), DirectoryEntry::name),
                groups(answers, invited, visible, entry -> orNone(entry.businessUnit()), entry -> orNone(entry.businessUnit())),
                groups(answers, invited, visible, DirectoryEntry::ownerCse, DirectoryEntry::ownerCse));
    }

    private List<Group> groups(List<Answer> answers, Map<UUID, Integer> invited, Function<UUID, Optional<DirectoryEntry>> visible,
                               Function<DirectoryEntry, String> key, Function<DirectoryEntry, String> name) {
        Map<String, List<Answer>> byKey = new TreeMap<>();
        Map<String, Integer> invitedByKey = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Answer answer : answers) {
            DirectoryEntry entry = visible.apply(answer.clientId()).orElseThrow();
            byKey.computeIfAbsent(key.apply(entry), k -> new ArrayList<>()).add(answer);
            names.put(key.apply(entry), name.apply(entry));
        }
        invited.forEach((client, count) -> visible.apply(client).ifPresent(entry -> {
            invitedByKey.merge(key.apply(entry), count, Integer::sum);
            byKey.computeIfAbsent(key.apply(entry), k -> new ArrayList<>());
            names.put(key.apply(entry), name.apply(entry));
        }));
        List<Group> groups = new ArrayList<>();
        byKey.forEach((k, list) -> {
            NpsSummary summary = summary(list);
            groups.add(new Group(k, names.get(k), summary, rate(list.size(), invitedByKey.getOrDefault(k, 0)), caveat(summary)));
        });
        groups.sort(Comparator.comparing(Group::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return groups;
    }

    private static NpsSummary summary(List<Answer> answers) {
        return NpsCalculator.summarise(answers.stream().map(Answer::score).toList());
    }

    private static Rate rate(int responses, int invited) {
        if (invited == 0) {
            return null;
        }
        ResponseRate rate = ResponseRate.of(Math.min(responses, invited), invited);
        return new Rate(responses, invited, Math.round(rate.percent() * 10) / 10.0, rate.targetPercent(), rate.targetMet());
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

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}
