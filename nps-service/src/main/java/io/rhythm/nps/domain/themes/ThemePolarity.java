package io.rhythm.nps.domain.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a theme found in a comment is a complaint, praise or a neutral mention (issue 17: "a comment that says a
 * problem is gone … or praises support … must not be counted as that complaint"). The themes themselves are still
 * found by Lucene ({@link ThemeTagger}); this decides the polarity of each hit.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Scope</b>: a hit is judged by the clause it stands in. Clauses end at sentence punctuation
 *       ({@code . ! ? ;}), commas, dashes ({@code — – -} between spaces), line breaks, and the contrast words
 *       "but", "however", "although", "though", "whereas" — "great onboarding, but support is slow" praises
 *       onboarding and complains about support.</li>
 *   <li><b>Polarity of a clause</b>: the {@link SentimentScorer}'s lexicon read with its negation rule (a negator —
 *       not, no, never, without, hardly, any "…n't" — flips the next sentiment word within
 *       {@value SentimentScorer#NEGATION_WINDOW} words of the same clause), with the words of a solved problem
 *       ("fixed", "resolved", "solved") counted as positive; in a clause where a problem is said to be fixed (not
 *       "not fixed"), its problem words do not count ("the outage was resolved within the hour" praises the fix).
 *       More negative than positive words: COMPLAINT; more positive: PRAISE; neither, or a tie: NEUTRAL. So "no longer a problem", "no outages since the upgrade",
 *       "never had a crash" and "was fixed the same afternoon" are not complaints; "not helpful" is one.</li>
 *   <li><b>Polarity of a theme in a comment</b>: COMPLAINT if any of its hits is in a complaining clause (a complaint
 *       is never hidden by praise elsewhere in the comment); otherwise PRAISE if any hit is in a praising clause;
 *       otherwise NEUTRAL.</li>
 *   <li><b>What counts</b>: theme counts, top themes and client letters use COMPLAINT hits only; praise and neutral
 *       mentions are kept with the answer for reading.</li>
 * </ul>
 * Known limits, as for any lexicon: sarcasm, comparisons, negation further than the window. A person can re-tag.
 *
 * <p>Thread-safe. Holds Lucene analyzers: {@link #close()} it when discarding a long-lived instance.
 */
public final class ThemePolarity implements AutoCloseable {

    /** The polarity of a theme hit. */
    public enum Polarity { COMPLAINT, PRAISE, NEUTRAL }

    /** One theme of a comment with its polarity and the passages that revealed it. */
    public record Hit(String code, Polarity polarity, List<String> evidence) {
        public Hit {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(polarity, "polarity");
            evidence = List.copyOf(evidence);
        }
    }

    /** Words of a problem that is gone, positive for polarity (not in the sentiment score of the answer). */
    public static final List<String> SOLVED = List.of("fixed", "resolved", "solved");

    private static final java.util.Set<String> SOLVED_FORMS = java.util.Set.of("fixed", "resolved", "solved", "fix", "fixes",
            "resolve", "resolves", "solve", "solves");

    private static final Pattern CLAUSE_END = Pattern.compile(
            "[.!?;,\\n\\r]|\\s[\u2014\u2013-]\\s|\u2014|\\b(?:but|however|although|though|whereas)\\b", Pattern.CASE_INSENSITIVE);

    private final SentimentScorer scorer;

    public ThemePolarity() {
        List<String> positive = new ArrayList<>(SentimentScorer.DEFAULT_POSITIVE);
        positive.addAll(SOLVED);
        this.scorer = new SentimentScorer(positive, SentimentScorer.DEFAULT_NEGATIVE, SentimentThresholds.DEFAULT);
    }

    /** The polarity of each theme match of {@code comment}, in the matches' order. */
    public List<Hit> classify(String comment, List<ThemeMatch> matches) {
        List<Hit> hits = new ArrayList<>(matches.size());
        for (ThemeMatch match : matches) {
            boolean complaint = false;
            boolean praise = false;
            for (String evidence : match.evidence()) {
                for (String clause : clausesContaining(comment, evidence)) {
                    Polarity p = ofClause(clause);
                    complaint |= p == Polarity.COMPLAINT;
                    praise |= p == Polarity.PRAISE;
                }
            }
            hits.add(new Hit(match.code(), complaint ? Polarity.COMPLAINT : praise ? Polarity.PRAISE : Polarity.NEUTRAL,
                    match.evidence()));
        }
        return List.copyOf(hits);
    }

    /** The polarity of one clause (see the class comment). */
    public Polarity ofClause(String clause) {
        Sentiment s = scorer.score(clause);
        boolean solved = s.positive().stream().anyMatch(p -> SOLVED_FORMS.contains(p.strip().toLowerCase(java.util.Locale.ROOT)));
        // a problem that was fixed is the fix's praise, not a complaint: its problem words do not count
        int balance = s.positive().size() - (solved ? 0 : s.negative().size());
        return balance < 0 ? Polarity.COMPLAINT : balance > 0 ? Polarity.PRAISE : Polarity.NEUTRAL;
    }

    /** The clauses of {@code comment} in which {@code evidence} occurs (every occurrence). */
    static List<String> clausesContaining(String comment, String evidence) {
        List<int[]> bounds = new ArrayList<>();
        Matcher end = CLAUSE_END.matcher(comment);
        int start = 0;
        while (end.find()) {
            bounds.add(new int[]{start, end.start()});
            start = end.end();
        }
        bounds.add(new int[]{start, comment.length()});
        List<String> clauses = new ArrayList<>();
        int from = 0;
        int at;
        while (!evidence.isEmpty() && (at = comment.indexOf(evidence, from)) >= 0) {
            for (int[] b : bounds) {
                if (at < b[1] || (at == b[1] && b == bounds.getLast())) {
                    clauses.add(comment.substring(b[0], Math.max(b[1], Math.min(comment.length(), at + evidence.length()))));
                    break;
                }
            }
            from = at + evidence.length();
        }
        return clauses;
    }

    @Override
    public void close() {
        scorer.close();
    }
}
