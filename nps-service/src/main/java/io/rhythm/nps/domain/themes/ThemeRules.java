package io.rhythm.nps.domain.themes;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What makes a theme definition acceptable before it goes into the taxonomy, reported as field problems
 * (all of them at once, so a form can show them together):
 * <ul>
 *   <li>{@code code}: optional (derived from the name: "Pricing &amp; value" → {@code PRICING_VALUE}); upper
 *       case letters, digits and underscores, starting with a letter, at most {@value #MAX_CODE} characters.</li>
 *   <li>{@code name}: required, at most {@value #MAX_NAME} characters.</li>
 *   <li>{@code owner}: one of the {@link BusinessFunction}s.</li>
 *   <li>{@code keywords}: 1–{@value #MAX_KEYWORDS} keywords or phrases, each non-blank, at most
 *       {@value #MAX_KEYWORD} characters, not repeated (case-insensitive, so "Roadmap" repeats "roadmap"; keywords
 *       that merely analyse alike, like "training" and "trained", are allowed), and each with at least one searchable word — a keyword made only
 *       of stop words or punctuation ("the", "!!") could never match.</li>
 * </ul>
 * Uniqueness of codes and names across the taxonomy is the store's job (409).
 */
public final class ThemeRules {

    public static final int MAX_CODE = 60;
    public static final int MAX_NAME = 100;
    public static final int MAX_KEYWORDS = 100;
    public static final int MAX_KEYWORD = 100;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private ThemeRules() {
    }

    /** One problem with one field, e.g. {@code keywords[2]}. */
    public record Problem(String field, String message) {
    }

    public static List<Problem> check(String code, String name, String owner, List<String> keywords) {
        List<Problem> problems = new ArrayList<>();
        if (code != null && (code.length() > MAX_CODE || !CODE.matcher(code).matches())) {
            problems.add(new Problem("code", "must be upper case letters, digits and underscores, starting with a letter, at most "
                    + MAX_CODE + " characters"));
        }
        if (name == null || name.isBlank()) {
            problems.add(new Problem("name", "must not be blank"));
        } else if (name.strip().length() > MAX_NAME) {
            problems.add(new Problem("name", "must be at most " + MAX_NAME + " characters"));
        } else if (code == null && codeFor(name).isEmpty()) {
            problems.add(new Problem("name", "needs at least one letter to derive a code from (or give a code)"));
        }
        if (owner == null || owner.isBlank()) {
            problems.add(new Problem("owner", "must be one of " + List.of(BusinessFunction.values())));
        } else if (owner(owner) == null) {
            problems.add(new Problem("owner", "must be one of " + List.of(BusinessFunction.values()) + ", was '" + owner + "'"));
        }
        if (keywords == null || keywords.isEmpty()) {
            problems.add(new Problem("keywords", "must list at least one keyword or phrase"));
        } else if (keywords.size() > MAX_KEYWORDS) {
            problems.add(new Problem("keywords", "must list at most " + MAX_KEYWORDS + " keywords"));
        } else {
            Map<String, Integer> seen = new HashMap<>();
            try (Analyzer analyzer = new EnglishAnalyzer()) {
                for (int i = 0; i < keywords.size(); i++) {
                    String keyword = keywords.get(i);
                    String field = "keywords[" + i + "]";
                    if (keyword == null || keyword.isBlank()) {
                        problems.add(new Problem(field, "must not be blank"));
                    } else if (keyword.strip().length() > MAX_KEYWORD) {
                        problems.add(new Problem(field, "must be at most " + MAX_KEYWORD + " characters"));
                    } else {
                        AnalyzedText analysed = AnalyzedText.analyze(analyzer, keyword);
                        if (analysed.isEmpty()) {
                            problems.add(new Problem(field, "'" + keyword + "' has no searchable word (only stop words or punctuation)"));
                        } else {
                            Integer first = seen.putIfAbsent(keyword.strip().toLowerCase(Locale.ROOT), i);
                            if (first != null) {
                                problems.add(new Problem(field, "'" + keyword + "' repeats keywords[" + first + "] ('"
                                        + keywords.get(first) + "')"));
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The business function with this name (case-insensitive, e.g. {@code r_and_d}), or null. */
    public static BusinessFunction owner(String value) {
        if (value == null) {
            return null;
        }
        for (BusinessFunction f : BusinessFunction.values()) {
            if (f.name().equalsIgnoreCase(value.strip())) {
                return f;
            }
        }
        return null;
    }

    /** A code derived from a name: "Pricing & value" → PRICING_VALUE, "R&D roadmap" → R_D_ROADMAP; empty without letters. */
    public static String codeFor(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String code = ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        code = code.replaceFirst("^[0-9_]+", "");
        return code.length() > MAX_CODE ? code.substring(0, MAX_CODE).replaceAll("_+$", "") : code;
    }
}
