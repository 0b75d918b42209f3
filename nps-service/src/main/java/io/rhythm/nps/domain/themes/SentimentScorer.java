package io.rhythm.nps.domain.themes;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A small lexicon-based sentiment score for NPS comments — transparent and explainable, not a model.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Analysis</b>: comments and lexicon words go through the same Lucene {@link EnglishAnalyzer}
 *       (standard tokenizer, lower case, English stop words, Porter stemming), so "frustrating" and
 *       "frustrated" are one entry. Two differences from the {@link ThemeTagger}'s analyzer: "no" and
 *       "not" are not stop words here (negation needs them), and the {@link #PROTECTED_WORDS} are kept
 *       unstemmed (Lucene's keyword marker, as in Solr's "protwords"), because Porter stems them onto
 *       everyday neutral words: "useful" → "us", "supportive" → "support", "timely" → "time",
 *       "helpful" → "help", "responsive" → "respons" (= "response"), "pleased" → "pleas" (= "please").</li>
 *   <li><b>Negation</b>: a negator ("not", "no", "never", "without", "hardly", any "…n't" …) flips the
 *       polarity of the next lexicon word within {@value #NEGATION_WINDOW} words in the same clause
 *       (punctuation or "but" ends a clause): "not helpful" is negative, "no problems" positive.</li>
 *   <li><b>Score</b> = (positive hits − negative hits) / (positive hits + negative hits), in [−1, 1];
 *       0 when no lexicon word occurs. It measures the balance of the comment, not its intensity.</li>
 *   <li><b>Label</b> by {@link SentimentThresholds} (default: below −0.3 negative, above 0.3 positive;
 *       seed 002 "thresholds for customer sentiment deterioration that trigger mandatory intervention").</li>
 * </ul>
 * Known limits of any lexicon: sarcasm, domain words with two meanings ("help" is counted positive,
 * because "helpful" stems to it), comparisons. A person can always re-tag a comment.
 *
 * <p>Thread-safe. Holds a Lucene analyzer: {@link #close()} it when discarding a long-lived scorer.
 */
public final class SentimentScorer implements AutoCloseable {

    /** Words after a negator that it can still reach. */
    public static final int NEGATION_WINDOW = 3;

    /** Built-in positive words, in the language of client-success feedback. */
    public static final List<String> DEFAULT_POSITIVE = List.of(
            "good", "great", "excellent", "outstanding", "fantastic", "amazing", "best", "helpful", "responsive",
            "proactive", "professional", "knowledgeable", "friendly", "easy", "intuitive", "smooth", "seamless",
            "fast", "quick", "prompt", "timely", "reliable", "stable", "efficient", "effective", "valuable",
            "useful", "clear", "love", "happy", "pleased", "satisfied", "impressed", "recommend", "improved",
            "supportive", "appreciate", "trust");

    /** Built-in negative words, in the language of client-success feedback (incl. seed 000's "outdated"). */
    public static final List<String> DEFAULT_NEGATIVE = List.of(
            "bad", "poor", "terrible", "awful", "horrible", "worse", "worst", "slow", "late", "delayed",
            "unhelpful", "unresponsive", "difficult", "complicated", "confusing", "unclear", "frustrating",
            "disappointing", "annoying", "outdated", "clunky", "buggy", "broken", "unreliable", "unstable",
            "expensive", "overpriced", "useless", "fail", "failure", "problem", "issue", "lacking", "missing",
            "crash", "outage", "downtime", "error", "ignored", "unhappy", "dissatisfied", "worried", "painful",
            "inadequate", "concern");

    /**
     * Lexicon words matched only as written (see the class comment): their Porter stems would make
     * neutral words ("us", "support", "time", "help", "response", "please", "knowledge", "effect",
     * "impression", "improvement", "lately", "reliability") count as sentiment.
     */
    public static final List<String> PROTECTED_WORDS = List.of(
            "responsive", "unresponsive", "helpful", "unhelpful", "supportive", "timely", "useful", "knowledgeable",
            "reliable", "unreliable", "effective", "pleased", "impressed", "improved", "late");

    private static final List<String> NEGATORS = List.of(
            "not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "cannot", "without", "hardly",
            "barely");

    private final Analyzer analyzer;
    private final Set<String> positive;
    private final Set<String> negative;
    private final Set<String> negators;
    private final SentimentThresholds thresholds;

    /** The built-in lexicons with the default thresholds. */
    public SentimentScorer() {
        this(DEFAULT_POSITIVE, DEFAULT_NEGATIVE, SentimentThresholds.DEFAULT);
    }

    /**
     * @throws IllegalArgumentException if a word is in both lists once stemmed, or is only a stop word
     */
    public SentimentScorer(Collection<String> positiveWords, Collection<String> negativeWords, SentimentThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.analyzer = new EnglishAnalyzer(stopWordsWithoutNegation(), new CharArraySet(PROTECTED_WORDS, true));
        this.positive = stems(positiveWords);
        this.negative = stems(negativeWords);
        this.negators = stems(NEGATORS);
        Set<String> both = new HashSet<>(positive);
        both.retainAll(negative);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("Words in both lexicons once stemmed: " + both);
        }
    }

    public SentimentThresholds thresholds() {
        return thresholds;
    }

    /** The sentiment of a comment; neutral for a blank or null one. */
    public Sentiment score(String comment) {
        if (comment == null || comment.isBlank()) {
            return Sentiment.neutral();
        }
        AnalyzedText text = AnalyzedText.analyze(analyzer, comment);
        List<AnalyzedText.Term> terms = text.terms();
        List<String> positiveHits = new ArrayList<>();
        List<String> negativeHits = new ArrayList<>();
        int negatorIndex = -1; // index of the negator still in force, or -1
        for (int i = 0; i < terms.size(); i++) {
            AnalyzedText.Term term = terms.get(i);
            if (term.clauseStart() || (negatorIndex >= 0 && i - negatorIndex > NEGATION_WINDOW)) {
                negatorIndex = -1;
            }
            boolean isPositive = positive.contains(term.term());
            boolean isNegative = negative.contains(term.term());
            if (isPositive || isNegative) {
                boolean negated = negatorIndex >= 0;
                String passage = text.excerpt(negated ? negatorIndex : i, i);
                (isPositive != negated ? positiveHits : negativeHits).add(passage);
                negatorIndex = -1;
            } else if (isNegator(term.term())) {
                negatorIndex = i;
            }
        }
        int hits = positiveHits.size() + negativeHits.size();
        double score = hits == 0 ? 0 : (double) (positiveHits.size() - negativeHits.size()) / hits;
        return new Sentiment(score, thresholds.label(score), positiveHits, negativeHits);
    }

    @Override
    public void close() {
        analyzer.close();
    }

    private boolean isNegator(String term) {
        return negators.contains(term) || term.endsWith("n't") || term.endsWith("n\u2019t");
    }

    private Set<String> stems(Collection<String> words) {
        Set<String> stems = new HashSet<>();
        for (String word : words) {
            List<String> terms = AnalyzedText.analyze(analyzer, word).termTexts();
            if (terms.size() != 1) {
                throw new IllegalArgumentException("A lexicon entry must be one searchable word, was '" + word + "'");
            }
            stems.add(terms.get(0));
        }
        return Set.copyOf(stems);
    }

    /** Lucene's English stop words minus "no" and "not". */
    private static CharArraySet stopWordsWithoutNegation() {
        CharArraySet stopWords = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.size(), false);
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            String text = word instanceof char[] chars ? new String(chars) : word.toString();
            if (!text.equals("no") && !text.equals("not")) {
                stopWords.add(text);
            }
        }
        return CharArraySet.unmodifiableSet(stopWords);
    }
}
