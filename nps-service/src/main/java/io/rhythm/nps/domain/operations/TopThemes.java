package io.rhythm.nps.domain.operations;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The most frequent themes of a cycle's comments: by the number of responses carrying the theme, most first, ties
 * by theme code (so the list is stable); at most {@code limit}; each with its share of <b>all</b> responses (not
 * only those with a comment), one decimal, so "40 % mention product perception" reads against the NPS base.
 */
public final class TopThemes {

    /** One ranked theme. */
    public record Ranked(String theme, String name, int count, double percentOfResponses) {
    }

    private TopThemes() {
    }

    /**
     * @param counts    responses per theme code (codes with a count of 0 or less are ignored)
     * @param responses all responses of the cycle (the base of the percentages); at least the largest count
     * @param limit     how many themes at most (≥ 0)
     * @param names     display name of a code (the code itself when unknown)
     */
    public static List<Ranked> rank(Map<String, Integer> counts, int responses, int limit, Function<String, String> names) {
        Objects.requireNonNull(counts, "counts");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        int largest = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (responses < largest) {
            throw new IllegalArgumentException("a theme cannot be on more responses (" + largest + ") than there are ("
                    + responses + ")");
        }
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new Ranked(e.getKey(), Objects.requireNonNullElse(names.apply(e.getKey()), e.getKey()), e.getValue(),
                        Math.round(1000.0 * e.getValue() / responses) / 10.0))
                .toList();
    }
}
