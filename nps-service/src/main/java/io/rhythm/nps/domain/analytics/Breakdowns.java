package io.rhythm.nps.domain.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * NPS figures per group of clients (a breakdown by client, segment, business unit, CSE …): every answer and
 * every recipient belongs to a client, and each client falls into one group. Per group: the
 * {@link NpsSummary} (counts, NPS, confidence interval, average, min–max, sample standard deviation), the
 * response rate against the &gt; 40 % target (eligible respondents ÷ eligible contacts of the group's clients on the
 * frozen recipient list, whatever the channel of the answers — {@link Population}; none when nobody in the group is
 * eligible), and the NPS weighted by client value beside the unweighted one (none when no answering client has a
 * positive weight).
 *
 * <p>A group with recipients but no answers is listed with an empty summary, so a silent business unit is
 * visible. Clients the caller must not see are simply absent from the input. Groups are ordered by name, then key.
 */
public final class Breakdowns {

    private Breakdowns() {
    }

    /**
     * One answer.
     *
     * @param clientId the client who answered
     * @param score    0–10
     * @param weight   the client's value (ARR), or null when unknown
     * @param count    how many such answers (the client's answers with this score): groups are summed from
     *                 counts, never expanded into one object per answer
     */
    public record Answer(UUID clientId, int score, BigDecimal weight, int count) {
        public Answer {
            Objects.requireNonNull(clientId, "clientId");
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, was " + count);
            }
        }

        /** One answer. */
        public Answer(UUID clientId, int score, BigDecimal weight) {
            this(clientId, score, weight, 1);
        }
    }

    /** The group a client falls into: a stable key and a display name. */
    public record GroupKey(String key, String name) {
        public GroupKey {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * One group's figures.
     *
     * @param population   the group's eligible, responded and invited contacts
     * @param responseRate null when nobody in the group is eligible
     * @param weighted     null when no answer carries a positive weight
     */
    public record Figures(String key, String name, NpsSummary summary, Population population, ResponseRate responseRate,
                          WeightedNpsSummary weighted) {
    }

    /** The figures of all answers and recipients together (the whole cycle within what the caller sees). */
    public static Figures total(String key, String name, List<Answer> answers, Map<UUID, Population> populationByClient) {
        Population population = populationByClient.values().stream().reduce(Population.NONE, Population::plus);
        return figures(key, name, answers, population);
    }

    /**
     * @param answers         the answers (of visible clients only)
     * @param populationByClient the recipients per client (of visible clients only)
     * @param groupOf         the group of a client; empty leaves the client out
     */
    public static List<Figures> group(List<Answer> answers, Map<UUID, Population> populationByClient,
                                      Function<UUID, Optional<GroupKey>> groupOf) {
        Map<UUID, Optional<GroupKey>> known = new HashMap<>();
        Function<UUID, Optional<GroupKey>> cached = client -> known.computeIfAbsent(client, groupOf);
        Map<String, List<Answer>> answersByKey = new TreeMap<>();
        Map<String, Population> populationByKey = new HashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Answer answer : answers) {
            cached.apply(answer.clientId()).ifPresent(group -> {
                answersByKey.computeIfAbsent(group.key(), k -> new ArrayList<>()).add(answer);
                names.putIfAbsent(group.key(), group.name());
            });
        }
        populationByClient.forEach((client, population) -> cached.apply(client).ifPresent(group -> {
            populationByKey.merge(group.key(), population, Population::plus);
            answersByKey.computeIfAbsent(group.key(), k -> new ArrayList<>());
            names.putIfAbsent(group.key(), group.name());
        }));
        List<Figures> groups = new ArrayList<>();
        answersByKey.forEach((key, list) -> groups.add(figures(key, names.get(key), list,
                populationByKey.getOrDefault(key, Population.NONE))));
        groups.sort(Comparator.comparing(Figures::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Figures::key));
        return groups;
    }

    static Figures figures(String key, String name, List<Answer> answers, Population population) {
        long[] histogram = new long[11];
        Map<WeightedScore, Long> weighted = new HashMap<>();
        for (Answer a : answers) {
            histogram[a.score()] += a.count();
            if (a.weight() != null && a.weight().signum() > 0) {
                weighted.merge(new WeightedScore(a.score(), a.weight()), (long) a.count(), Long::sum);
            }
        }
        NpsSummary summary = NpsCalculator.summarise(histogram);
        return new Figures(key, name, summary, population, population.responseRate(),
                weighted.isEmpty() ? null : NpsCalculator.summariseWeighted(weighted));
    }
}
