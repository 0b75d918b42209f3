package io.rhythm.platform.events.payload;

import java.time.Instant;
import java.util.List;

/**
 * A survey respondent answered the NPS question (nps-service). Key = {@code clientId}, so one client's
 * responses stay ordered. {@code category} follows the score (0–6 DETRACTOR, 7–8 PASSIVE, 9–10 PROMOTER);
 * {@code themes} are the theme codes found in the comment (empty without one); {@code sentiment} is the
 * comment's lexicon score in [−1, 1] with its band. The comment itself is not carried: it stays in
 * nps-service. {@code channel} says how the answer arrived (SURVEY_LINK: the tokenised public link).
 */
public record SurveyResponseSubmitted(String responseId, String cycleId, String clientId, String contactId, int score,
                                      String category, List<String> themes, Sentiment sentiment, String channel,
                                      Instant respondedAt) {

    /** The comment's sentiment: score in [−1, 1] and its label (NEGATIVE, NEUTRAL, POSITIVE). */
    public record Sentiment(double score, String label) {
    }
}
