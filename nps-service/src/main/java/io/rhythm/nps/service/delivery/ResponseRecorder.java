package io.rhythm.nps.service.delivery;

import io.rhythm.nps.domain.NpsCategory;
import io.rhythm.nps.domain.themes.Sentiment;
import io.rhythm.nps.service.closedloop.ClosedLoop;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import io.rhythm.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records one NPS answer, however it came in (survey link, import, webhook): the answer with the
 * automatic analysis of its comment (themes, sentiment), the invitation marked answered, and
 * SurveyResponseSubmitted in the same transaction; then the closed loop starts (a detractor's case, a passive's or
 * promoter's follow-up), in that transaction too.
 */
@ApplicationScoped
public class ResponseRecorder {

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    ResponseAnalysis analysis;
    @Inject
    ClosedLoop closedLoop;

    /** An answer to a cycle. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(UUID cycleId, UUID clientId, UUID contactId, int score, String comment, String channel, Instant respondedAt) {
        return record(cycleId, null, clientId, contactId, score, comment, channel, respondedAt);
    }

    /**
     * An answer to a cycle ({@code cycleId}), to a survey sent outside the cycles ({@code surveySendId}, which is
     * then marked ANSWERED), or to neither (both null: the webhook without a cycle).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(UUID cycleId, UUID surveySendId, UUID clientId, UUID contactId, int score, String comment, String channel,
                       Instant respondedAt) {
        NpsCategory category = NpsCategory.of(score);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        List<String> themes = analysis.themes(text);
        Sentiment sentiment = analysis.sentiment(text);
        BigDecimal sentimentScore = BigDecimal.valueOf(sentiment.score()).setScale(4, RoundingMode.HALF_UP);
        UUID responseId = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into survey_response (id, cycle_id, client_id, contact_id, score, category, comment, themes,
                            sentiment_score, sentiment_label, channel, responded_at, survey_send_id)
                        values (?1, cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7, cast(?8 as text[]), ?9, ?10, ?11, ?12, cast(?13 as uuid))""")
                .setParameter(1, responseId).setParameter(2, cycleId).setParameter(3, clientId)
                .setParameter(4, contactId).setParameter(5, (short) score).setParameter(6, category.name())
                .setParameter(7, text).setParameter(8, "{" + String.join(",", themes) + "}")
                .setParameter(9, sentimentScore).setParameter(10, sentiment.label().name()).setParameter(11, channel)
                .setParameter(12, Timestamp.from(respondedAt))
                .setParameter(13, surveySendId).executeUpdate();
        String surveyKind = null;
        if (surveySendId != null) {
            em.createNativeQuery("update survey_send set status = 'ANSWERED', responded_at = ?1 where id = ?2")
                    .setParameter(1, Timestamp.from(respondedAt)).setParameter(2, surveySendId).executeUpdate();
            surveyKind = (String) em.createNativeQuery("select kind from survey_send where id = ?1")
                    .setParameter(1, surveySendId).getSingleResult();
        }
        if (cycleId != null) {
            em.createNativeQuery("update survey_invitation set responded_at = ?1 where cycle_id = ?2 and contact_id = ?3 and responded_at is null")
                    .setParameter(1, Timestamp.from(respondedAt)).setParameter(2, cycleId).setParameter(3, contactId).executeUpdate();
        }
        outbox.publish(EventCatalogue.SURVEY_RESPONSE_SUBMITTED, clientId.toString(),
                new SurveyResponseSubmitted(responseId.toString(), cycleId == null ? null : cycleId.toString(), clientId.toString(),
                        contactId.toString(),
                        score, category.name(), themes,
                        new SurveyResponseSubmitted.Sentiment(sentimentScore.doubleValue(), sentiment.label().name()),
                        channel, respondedAt, surveySendId == null ? null : surveySendId.toString(), surveyKind));
        closedLoop.responseRecorded(responseId, cycleId, clientId, contactId, score, respondedAt);
        return responseId;
    }
}
