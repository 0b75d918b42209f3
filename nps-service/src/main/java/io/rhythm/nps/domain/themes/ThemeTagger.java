package io.rhythm.nps.domain.themes;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tags free-text NPS comments with the themes of a {@link ThemeTaxonomy}.
 *
 * <p>Text analysis (issue 5: "tokenising, stemming, stop words — use Apache Lucene's analyzers rather than
 * hand-written string matching"): comments <b>and</b> taxonomy keywords go through the same Lucene
 * {@link EnglishAnalyzer} — standard (Unicode UAX#29) tokenizer, English possessive removal, lower case,
 * Lucene's English stop words, Porter stemming. So "Outdated!" matches "outdated", "roadmaps" and
 * "Roadmap's" match "roadmap", and "old-fashioned" matches "old fashioned".
 *
 * <p>A keyword of several words is a phrase: it matches when its terms occur at the same relative
 * positions in the comment as in the keyword — consecutive, with removed stop words keeping their
 * places, as in a Lucene phrase query ("value for money" matches "Values for money", not "money's value"
 * or "value money"; like any phrase query it also matches another stop word in the gap: "value of money").
 * A theme matches when any of its keywords does; a comment can have several themes, or none.
 *
 * <p>Thread-safe. Holds a Lucene analyzer: {@link #close()} it when discarding a long-lived tagger.
 */
public final class ThemeTagger implements AutoCloseable {

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ThemeTaxonomy taxonomy;
    private final Map<String, List<Phrase>> phrasesByTheme = new HashMap<>();

    /** A keyword after analysis: its terms and their positions relative to the first term. */
    private record Phrase(String keyword, List<String> terms, int[] offsets) {
    }

    /**
     * @throws IllegalArgumentException if a keyword has no searchable word (e.g. only stop words)
     */
    public ThemeTagger(ThemeTaxonomy taxonomy) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        for (Theme theme : taxonomy.themes()) {
            List<Phrase> phrases = new ArrayList<>();
            for (String keyword : theme.keywords()) {
                phrases.add(phrase(theme, keyword));
            }
            phrasesByTheme.put(theme.code(), List.copyOf(phrases));
        }
    }

    /** A tagger for {@link ThemeTaxonomy#defaults()}. */
    public static ThemeTagger withDefaultTaxonomy() {
        return new ThemeTagger(ThemeTaxonomy.defaults());
    }

    public ThemeTaxonomy taxonomy() {
        return taxonomy;
    }

    /** The themes of a comment in taxonomy order; empty for a blank or null comment. */
    public List<ThemeMatch> tag(String comment) {
        if (comment == null || comment.isBlank()) {
            return List.of();
        }
        AnalyzedText text = AnalyzedText.analyze(analyzer, comment);
        Map<Integer, Integer> indexByPosition = new HashMap<>();
        for (int i = 0; i < text.terms().size(); i++) {
            indexByPosition.put(text.terms().get(i).position(), i);
        }
        List<ThemeMatch> matches = new ArrayList<>();
        for (Theme theme : taxonomy.themes()) {
            Set<String> keywords = new LinkedHashSet<>();
            Set<String> evidence = new LinkedHashSet<>();
            for (Phrase phrase : phrasesByTheme.get(theme.code())) {
                for (int first = 0; first < text.terms().size(); first++) {
                    int last = lastIndexOfMatch(text, indexByPosition, phrase, first);
                    if (last >= 0) {
                        keywords.add(phrase.keyword());
                        evidence.add(text.excerpt(first, last));
                    }
                }
            }
            if (!keywords.isEmpty()) {
                matches.add(new ThemeMatch(theme, List.copyOf(keywords), List.copyOf(evidence)));
            }
        }
        return List.copyOf(matches);
    }

    /** Just the theme codes of a comment, in taxonomy order. */
    public List<String> themeCodes(String comment) {
        return tag(comment).stream().map(ThemeMatch::code).toList();
    }

    @Override
    public void close() {
        analyzer.close();
    }

    /** Index of the phrase's last term if the phrase starts at term {@code first}, else −1. */
    private static int lastIndexOfMatch(AnalyzedText text, Map<Integer, Integer> indexByPosition, Phrase phrase, int first) {
        int start = text.terms().get(first).position();
        int last = -1;
        for (int k = 0; k < phrase.terms().size(); k++) {
            Integer index = indexByPosition.get(start + phrase.offsets()[k]);
            if (index == null || !text.terms().get(index).term().equals(phrase.terms().get(k))) {
                return -1;
            }
            last = index;
        }
        return last;
    }

    private Phrase phrase(Theme theme, String keyword) {
        AnalyzedText analysed = AnalyzedText.analyze(analyzer, keyword);
        if (analysed.isEmpty()) {
            throw new IllegalArgumentException("Keyword '" + keyword + "' of theme " + theme.code()
                    + " has no searchable word (only stop words or punctuation)");
        }
        int firstPosition = analysed.terms().get(0).position();
        int[] offsets = analysed.terms().stream().mapToInt(t -> t.position() - firstPosition).toArray();
        return new Phrase(keyword, analysed.termTexts(), offsets);
    }
}
