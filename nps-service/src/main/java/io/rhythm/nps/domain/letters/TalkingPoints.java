package io.rhythm.nps.domain.letters;

import io.rhythm.nps.domain.analytics.NpsCalculator;
import io.rhythm.nps.domain.analytics.NpsSummary;
import io.rhythm.nps.domain.analytics.Population;
import io.rhythm.nps.domain.analytics.ResponseRate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the BU talking points of a cycle from per-client data: per business unit the NPS of all its
 * clients' answers, the counts, average and range, the response rate (responded ÷ eligible from the frozen
 * recipient lists, whatever channel the answers came by — like the cycle results; {@link Population}), the top
 * themes and the clients whose NPS moved most since their previous cycle.
 */
public final class TalkingPoints {

    public static final int TOP_THEMES = 5;
    public static final int TOP_MOVERS = 5;
    /** Clients without a business unit in the client directory are grouped under this name. */
    public static final String NO_BUSINESS_UNIT = "(none)";

    private TalkingPoints() {
    }

    /**
     * One entry per business unit with at least one answer in the cycle, ordered by business unit. Pass every client
     * with a recipient list or an answer: the unit's response rate counts the lists of its silent clients too.
     */
    public static List<BusinessUnitPoints> build(String cycleId, String cycleName, List<ClientCycleData> clients,
                                                 Function<String, String> themeName) {
        Map<String, List<ClientCycleData>> byUnit = new TreeMap<>();
        Map<String, Population> populations = new HashMap<>();
        for (ClientCycleData client : clients) {
            // a silent client's list still counts in its unit's response rate
            populations.merge(unitOf(client), client.population(), Population::plus);
            if (!client.scores().isEmpty()) {
                byUnit.computeIfAbsent(unitOf(client), k -> new ArrayList<>()).add(client);
            }
        }
        List<BusinessUnitPoints> points = new ArrayList<>();
        byUnit.forEach((unit, members) -> points.add(forUnit(unit, cycleId, cycleName, members, populations.get(unit),
                themeName)));
        return points;
    }

    public static String unitOf(ClientCycleData client) {
        return client.businessUnit() == null || client.businessUnit().isBlank() ? NO_BUSINESS_UNIT : client.businessUnit();
    }

    private static BusinessUnitPoints forUnit(String unit, String cycleId, String cycleName, List<ClientCycleData> members,
                                              Population population, Function<String, String> themeName) {
        List<Integer> scores = new ArrayList<>();
        Map<String, Integer> themes = new HashMap<>();
        List<BusinessUnitPoints.Mover> movers = new ArrayList<>();
        for (ClientCycleData client : members) {
            scores.addAll(client.scores());
            client.themes().forEach((code, count) -> themes.merge(code, count, Integer::sum));
            if (!client.previousScores().isEmpty()) {
                int now = NpsCalculator.summarise(client.scores()).npsRounded();
                int before = NpsCalculator.summarise(client.previousScores()).npsRounded();
                movers.add(new BusinessUnitPoints.Mover(client.clientId().toString(), client.clientName(), before, now, now - before));
            }
        }
        movers.sort(Comparator.comparingInt((BusinessUnitPoints.Mover m) -> -Math.abs(m.change()))
                .thenComparing(BusinessUnitPoints.Mover::clientName, Comparator.nullsLast(Comparator.naturalOrder())));
        NpsSummary summary = NpsCalculator.summarise(scores);
        BigDecimal ratePercent = null;
        Boolean targetMet = null;
        ResponseRate rate = population.responseRate();
        if (rate != null) {
            ratePercent = BigDecimal.valueOf(rate.percent()).setScale(1, RoundingMode.HALF_UP);
            targetMet = rate.targetMet();
        }
        return new BusinessUnitPoints(unit, cycleId, cycleName, members.size(), ScoreFigures.of(summary), population.invited(),
                population.eligible(), population.responded(), ratePercent, targetMet, ThemeCount.top(themes, TOP_THEMES, themeName),
                List.copyOf(movers.subList(0, Math.min(TOP_MOVERS, movers.size()))), summary.caveat().orElse(null));
    }
}
