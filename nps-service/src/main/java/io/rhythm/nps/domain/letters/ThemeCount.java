package io.rhythm.nps.domain.letters;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A theme of the comments (code and display name) and how many comments carry it. */
public record ThemeCount(String code, String name, int count) {

    /** The {@code limit} most frequent themes: by count, most first, then by code (stable); zero counts left out. */
    public static List<ThemeCount> top(Map<String, Integer> counts, int limit, Function<String, String> nameOf) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new ThemeCount(e.getKey(), nameOf.apply(e.getKey()), e.getValue()))
                .toList();
    }
}
