package io.rhythm.calendar.briefing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client's NPS over a set of answers: promoters 9–10, passives 7–8, detractors 0–6; NPS = % promoters −
 * % detractors, rounded once to one decimal (half up); null without answers. Theme codes counted per answer.
 */
public record NpsFigures(int answers, int promoters, int passives, int detractors, BigDecimal nps, Map<String, Integer> themes) {

    public record Answer(int score, List<String> themes) {
    }

    public static NpsFigures of(List<Answer> answers) {
        int promoters = 0;
        int passives = 0;
        int detractors = 0;
        Map<String, Integer> themes = new HashMap<>();
        for (Answer a : answers) {
            if (a.score() >= 9) {
                promoters++;
            } else if (a.score() >= 7) {
                passives++;
            } else {
                detractors++;
            }
            a.themes().stream().distinct().forEach(t -> themes.merge(t, 1, Integer::sum));
        }
        BigDecimal nps = answers.isEmpty() ? null
                : BigDecimal.valueOf(100L * (promoters - detractors)).divide(BigDecimal.valueOf(answers.size()), 1, RoundingMode.HALF_UP);
        return new NpsFigures(answers.size(), promoters, passives, detractors, nps, ordered(themes));
    }

    private static Map<String, Integer> ordered(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
