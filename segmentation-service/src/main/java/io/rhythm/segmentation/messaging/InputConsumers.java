package io.rhythm.segmentation.messaging;

import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.CycleClosed;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.rhythm.segmentation.service.SegmentEngine;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The classifier's inputs, projected from other services' events, each re-assessing the client's segment: health
 * scores ({@code HealthScoreChanged}), NPS answers ({@code SurveyResponseSubmitted}; {@code CycleClosed} re-assesses
 * the cycle's clients) and revenue ({@code ClientUpserted}, on its own consumer group next to the client directory's).
 * Idempotent per event id; an older health score never replaces a newer one.
 */
@ApplicationScoped
public class InputConsumers {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    SegmentEngine engine;
    @Inject
    EntityManager em;

    @Incoming("health-scores")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onHealthScore(ConsumerRecord<String, String> record) {
        inbox.process("segment-health-input", record, event -> {
            if (!event.type().equals(EventCatalogue.HEALTH_SCORE_CHANGED.type())) {
                return;
            }
            HealthScoreChanged score = Json.read(event.data(), HealthScoreChanged.class);
            UUID clientId = UUID.fromString(score.clientId());
            int changed = em.createNativeQuery("""
                            insert into client_health (client_id, score, scored_at) values (?1, ?2, ?3)
                            on conflict (client_id) do update set score = excluded.score, scored_at = excluded.scored_at
                            where client_health.scored_at <= excluded.scored_at""")
                    .setParameter(1, clientId).setParameter(2, BigDecimal.valueOf(score.score()))
                    .setParameter(3, score.scoredAt() == null ? event.time() : score.scoredAt()).executeUpdate();
            if (changed == 1) {
                engine.assess(clientId, event.id());
            }
        });
    }

    @Incoming("nps-responses")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onNpsResponse(ConsumerRecord<String, String> record) {
        inbox.process("segment-nps-input", record, event -> {
            if (!event.type().equals(EventCatalogue.SURVEY_RESPONSE_SUBMITTED.type())) {
                return;
            }
            SurveyResponseSubmitted answer = Json.read(event.data(), SurveyResponseSubmitted.class);
            UUID clientId = UUID.fromString(answer.clientId());
            int inserted = em.createNativeQuery("""
                            insert into nps_answer (response_id, client_id, cycle_id, score, responded_at) values (?1, ?2, ?3, ?4, ?5)
                            on conflict do nothing""")
                    .setParameter(1, UUID.fromString(answer.responseId())).setParameter(2, clientId)
                    .setParameter(3, answer.cycleId() == null ? null : UUID.fromString(answer.cycleId()))
                    .setParameter(4, answer.score()).setParameter(5, answer.respondedAt() == null ? event.time() : answer.respondedAt())
                    .executeUpdate();
            if (inserted == 1) {
                engine.assess(clientId, event.id());
            }
        });
    }

    @Incoming("nps-cycles")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onCycle(ConsumerRecord<String, String> record) {
        inbox.process("segment-nps-cycles", record, event -> {
            if (!event.type().equals(EventCatalogue.CYCLE_CLOSED.type())) {
                return;
            }
            CycleClosed closed = Json.read(event.data(), CycleClosed.class);
            List<?> clients = em.createNativeQuery("select distinct client_id from nps_answer where cycle_id = ?1")
                    .setParameter(1, UUID.fromString(closed.cycleId())).getResultList();
            for (Object client : clients) {
                engine.assess((UUID) client, event.id());
            }
        });
    }

    @Incoming("client-revenue")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onClient(ConsumerRecord<String, String> record) {
        inbox.process("segment-revenue-input", record, event -> applyClient(event));
    }

    private void applyClient(CloudEvent event) {
        if (!event.type().equals(EventCatalogue.CLIENT_UPSERTED.type())) {
            return;
        }
        ClientUpserted client = Json.read(event.data(), ClientUpserted.class);
        UUID clientId = UUID.fromString(client.clientId());
        BigDecimal amount = client.annualRevenue() == null ? null : new BigDecimal(client.annualRevenue().amount());
        List<?> latest = em.createNativeQuery("select amount from client_revenue where client_id = ?1 order by version desc limit 1")
                .setParameter(1, clientId).getResultList();
        int inserted = em.createNativeQuery("""
                        insert into client_revenue (client_id, version, amount, currency, recorded_at) values (?1, ?2, ?3, ?4, ?5)
                        on conflict do nothing""")
                .setParameter(1, clientId).setParameter(2, client.version()).setParameter(3, amount)
                .setParameter(4, client.annualRevenue() == null ? null : client.annualRevenue().currency())
                .setParameter(5, event.time()).executeUpdate();
        boolean revenueChanged = latest.isEmpty() || !sameAmount((BigDecimal) latest.get(0), amount);
        if (inserted == 1 && revenueChanged) {
            engine.assess(clientId, event.id());
        }
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
