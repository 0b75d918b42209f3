package io.rhythm.health.messaging;

import io.rhythm.health.domain.SignalInput;
import io.rhythm.health.domain.scoring.DefaultScoringModel;
import io.rhythm.health.service.SignalIngestion;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * NPS answers (nps-service) become the relational input of the health score: the mean score of the
 * client's respondents in the answer's cycle, observed when the answer was given (so an answer to an
 * older cycle arriving late does not overwrite a newer cycle's mean).
 */
@ApplicationScoped
public class NpsResponseConsumer {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    EntityManager em;
    @Inject
    SignalIngestion ingestion;

    @Incoming("responses")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onResponse(ConsumerRecord<String, String> record) {
        inbox.process("relational-signals", record, event -> {
            if (!event.type().equals(EventCatalogue.SURVEY_RESPONSE_SUBMITTED.type())) {
                return;
            }
            SurveyResponseSubmitted response = Json.read(event.data(), SurveyResponseSubmitted.class);
            if (response.cycleId() == null) {
                return; // a triggered survey outside the NPS cycles (e.g. after a ticket): not the relationship score
            }
            UUID clientId = UUID.fromString(response.clientId());
            UUID cycleId = UUID.fromString(response.cycleId());
            em.createNativeQuery("""
                            insert into nps_response (response_id, client_id, cycle_id, score, responded_at)
                            values (?1, ?2, ?3, ?4, ?5) on conflict (response_id) do nothing""")
                    .setParameter(1, UUID.fromString(response.responseId())).setParameter(2, clientId).setParameter(3, cycleId)
                    .setParameter(4, response.score()).setParameter(5, Timestamp.from(response.respondedAt())).executeUpdate();
            double mean = ((Number) em.createNativeQuery("select avg(score) from nps_response where client_id = ?1 and cycle_id = ?2")
                    .setParameter(1, clientId).setParameter(2, cycleId).getSingleResult()).doubleValue();
            ingestion.ingest(new SignalInput("nps:" + response.responseId(), clientId, null, null,
                    DefaultScoringModel.LATEST_NPS_SCORE, Math.round(mean * 10) / 10.0, response.respondedAt()), "nps");
        });
    }
}
