package io.rhythm.nps.domain.themes;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One feedback theme of a {@link ThemeTaxonomy}: what it is called, which business function owns it, and
 * the keywords and multi-word phrases that reveal it in a comment.
 *
 * <p>Keywords are written in plain English ("old-fashioned", "value for money"); the {@link ThemeTagger}
 * analyses them exactly like comments, so inflections ("roadmaps"), case and punctuation do not matter.
 *
 * @param code     stable code, upper case with underscores (e.g. {@code PRODUCT_PERCEPTION})
 * @param name     display name
 * @param owner    the business function the theme is routed to (seed 002)
 * @param keywords words and phrases, at least one
 */
public record Theme(String code, String name, BusinessFunction owner, List<String> keywords) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Theme {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A theme code is upper case with underscores, was '" + code + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("Theme " + code + " needs a name");
        }
        keywords = List.copyOf(keywords);
        if (keywords.isEmpty() || keywords.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Theme " + code + " needs non-blank keywords");
        }
    }

    public static Theme of(String code, String name, BusinessFunction owner, String... keywords) {
        return new Theme(code, name, owner, List.of(keywords));
    }
}
