package io.rhythm.nps.domain.themes;

import java.util.List;

/**
 * The sentiment of one comment.
 *
 * @param score    in [−1, 1]: (positive − negative) / (positive + negative) lexicon hits; 0 without hits
 * @param label    the score's band
 * @param positive the passages counted as positive, as written (e.g. "Great", "not bad")
 * @param negative the passages counted as negative, as written (e.g. "not helpful", "unclear")
 */
public record Sentiment(double score, SentimentLabel label, List<String> positive, List<String> negative) {

    public Sentiment {
        if (score < -1 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("A sentiment score lies in [-1, 1], was " + score);
        }
        positive = List.copyOf(positive);
        negative = List.copyOf(negative);
    }

    public static Sentiment neutral() {
        return new Sentiment(0, SentimentLabel.NEUTRAL, List.of(), List.of());
    }
}
