package io.rhythm.nps.domain.themes;

import java.util.List;

/**
 * A theme found in a comment, with what revealed it.
 *
 * @param theme    the theme
 * @param keywords the taxonomy keywords that matched, as configured
 * @param evidence the matching passages of the comment, as written (e.g. "old-fashioned", "roadmap")
 */
public record ThemeMatch(Theme theme, List<String> keywords, List<String> evidence) {

    public ThemeMatch {
        keywords = List.copyOf(keywords);
        evidence = List.copyOf(evidence);
    }

    public String code() {
        return theme.code();
    }
}
