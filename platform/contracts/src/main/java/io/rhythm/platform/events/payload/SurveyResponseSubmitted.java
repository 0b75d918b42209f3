package io.rhythm.platform.events.payload;

import java.time.Instant;
import java.util.List;

/**
 * A survey respondent answered the NPS question (nps-service). Key = {@code clientId}, so one client's
 * responses stay ordered. {@code category} follows the score (0–6 DETRACTOR, 7–8 PASSIVE, 9–10 PROMOTER);
 * {@code themes} are the theme codes found in the comment (empty without one); {@code sentiment} is the
 * comment's lexicon score in [−1, 1] with its band. The comment itself is not carried: it stays in
 * nps-service. {@code channel} says how the answer arrived (SURVEY_LINK: the tokenised public link).
 * An answer belongs to a cycle ({@code cycleId}), to a survey sent outside the cycles ({@code surveySendId},
 * with its {@code surveyKind}, e.g. RELATIONSHIP_QUARTERLY or POST_TICKET), or — through the webhook — to
 * neither; {@code cycleId} is null outside cycles.
 */
public record SurveyResponseSubmitted(String responseId, String cycleId, String clientId, String contactId, int score,
                                      String category, List<String> themes, Sentiment sentiment, String channel,
                                      Instant respondedAt, String surveySendId, String surveyKind) {

    /** An answer to a cycle (no survey send). */
    public SurveyResponseSubmitted(String responseId, String cycleId, String clientId, String contactId, int score,
                                   String category, List<String> themes, Sentiment sentiment, String channel,
                                   Instant respondedAt) {
        this(responseId, cycleId, clientId, contactId, score, category, themes, sentiment, channel, respondedAt, null, null);
    }

    /** The comment's sentiment: score in [−1, 1] and its label (NEGATIVE, NEUTRAL, POSITIVE). */
    public record Sentiment(double score, String label) {
    }
}
