package io.rhythm.nps.domain.themes;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A text as a Lucene {@link Analyzer} sees it: the terms that survive tokenising, lower-casing, stop-word
 * removal and stemming, each with its position (stop words leave gaps, as in a Lucene index) and where
 * it came from in the original text.
 *
 * @param text  the original text
 * @param terms its analysed terms in order
 */
record AnalyzedText(String text, List<Term> terms) {

    /** Punctuation or a "but" between two words ends a clause (used to bound negation). */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.,;:!?()]|\\bbut\\b", Pattern.CASE_INSENSITIVE);

    /**
     * One analysed term.
     *
     * @param term        the analysed (lower-cased, stemmed) term
     * @param position    its token position, counting removed stop words
     * @param start       start offset in the original text
     * @param end         end offset in the original text
     * @param clauseStart whether a clause break separates it from the previous term
     */
    record Term(String term, int position, int start, int end, boolean clauseStart) {
    }

    AnalyzedText {
        terms = List.copyOf(terms);
    }

    static AnalyzedText analyze(Analyzer analyzer, String text) {
        List<Term> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            int previousEnd = 0;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                boolean clauseStart = !terms.isEmpty()
                        && CLAUSE_BREAK.matcher(text.substring(previousEnd, offset.startOffset())).find();
                terms.add(new Term(term.toString(), position, offset.startOffset(), offset.endOffset(), clauseStart));
                previousEnd = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing in-memory text failed", e); // cannot happen with a String reader
        }
        return new AnalyzedText(text, terms);
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The analysed terms only. */
    List<String> termTexts() {
        return terms.stream().map(Term::term).toList();
    }

    /** The original text from term {@code first} to term {@code last}, inclusive. */
    String excerpt(int first, int last) {
        return text.substring(terms.get(first).start(), terms.get(last).end());
    }
}
