package io.rhythm.health.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.health.api.ClientApiTestSupport;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.KafkaCloudEvents;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.events.payload.RenewalOutcomeRecorded;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** planning.plans.v1 RenewalOutcomeRecorded → the client's outcome on the contract end date → the backtest. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RenewalOutcomeConsumerTest {

    private static final String BACKTEST = "/api/v1/health/models/1/backtest";

    @Test
    void renewalOutcomesAreStoredOnceAndJudgeTheModel() {
        // a random stretch of the past, so that reruns against the same database do not meet earlier outcomes
        LocalDate base = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 36_000));
        LocalDate observed = base.minusDays(200);
        String churned = client(10, observed);      // usage 0 → Critical: warned
        String downsized = client(80, observed);    // usage 100 → Healthy
        String renewed = client(30, observed);      // usage 16.7 → Critical: a false alarm
        CloudEvent churn = outcome(churned, "CHURNED", base.plusDays(10), null);
        TopicProbe.send(Topics.PLANNING_PLANS, churn);
        TopicProbe.send(Topics.PLANNING_PLANS, churn); // redelivered
        TopicProbe.send(Topics.PLANNING_PLANS, outcome(downsized, "RENEWED_WITH_CHANGE", base.plusDays(20), money("410000.00")));
        CloudEvent renewal = outcome(renewed, "RENEWED", base.plusDays(25), money("578000.00"));
        TopicProbe.send(Topics.PLANNING_PLANS, renewal);
        TopicProbe.send(Topics.PLANNING_PLANS, renewal);

        Map<String, String> period = Map.of("from", base.toString(), "to", base.plusDays(30).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").body(period).post(BACKTEST).then().extract()
                .<Integer>path("clients") == 3);
        // one outcome per renewal despite the redeliveries; RENEWED_WITH_CHANGE is a renewal to the backtest.
        // Scores (churn first): 0 < 16.7 (renewed) < 100 → AUC 1.0; warnings: churned (TP) and renewed (FP)
        as("avp").body(period).post(BACKTEST).then().statusCode(200)
                .body("clients", equalTo(3)).body("churned", equalTo(1)).body("renewed", equalTo(2))
                .body("unscored", equalTo(0)).body("fromRenewals", equalTo(3))
                .body("auc", equalTo(1.0f)).body("precision", equalTo(0.5f)).body("recall", equalTo(1.0f))
                .body("confusion.truePositives", equalTo(1)).body("confusion.falsePositives", equalTo(1))
                .body("confusion.trueNegatives", equalTo(1)).body("confusion.falseNegatives", equalTo(0))
                .body("predictions.findAll { it.clientId == '" + churned + "' }", hasSize(1))
                .body("predictions.find { it.clientId == '" + churned + "' }.outcomeDate", equalTo(base.plusDays(10).toString()))
                .body("predictions.find { it.clientId == '" + churned + "' }.band", equalTo("CRITICAL"))
                .body("predictions.find { it.clientId == '" + downsized + "' }.outcome", equalTo("RENEWED"))
                .body("predictions.find { it.clientId == '" + downsized + "' }.renewalOutcome", equalTo("RENEWED_WITH_CHANGE"))
                .body("predictions.find { it.clientId == '" + renewed + "' }.score", equalTo(16.7f));
    }

    @Test
    void poisonAndUnknownClientsGoToTheDeadLetterTopic() {
        String unknown = UUID.randomUUID().toString();
        String known = client(50, LocalDate.of(2026, 1, 1));
        try (TopicProbe deadLetters = TopicProbe.watch(Topics.deadLetter("health"))) {
            TopicProbe.send(Topics.PLANNING_PLANS, outcome(unknown, "CHURNED", LocalDate.of(2026, 6, 30), null));
            var dead = deadLetters.awaitRecord(r -> unknown.equals(r.key()), Duration.ofSeconds(30));
            assertThat(KafkaCloudEvents.header(dead.headers(), "dead-letter-reason")).contains("does not know");

            var lost = Json.tree(new RenewalOutcomeRecorded(UUID.randomUUID().toString(), known, "LOST",
                    LocalDate.of(2026, 6, 30), null, null, Instant.now(), "cse"));
            TopicProbe.send(Topics.PLANNING_PLANS, CloudEvent.create(EventCatalogue.RENEWAL_OUTCOME_RECORDED, known, lost, null));
            var invalid = deadLetters.awaitRecord(r -> known.equals(r.key()), Duration.ofSeconds(30));
            assertThat(KafkaCloudEvents.header(invalid.headers(), "dead-letter-reason")).contains("outcome");
        }
        as("avp").body(Map.of("from", "2026-06-30", "to", "2026-06-30")).post(BACKTEST).then().statusCode(200)
                .body("predictions.findAll { it.clientId == '" + known + "' }", hasSize(0));
    }

    private static Money money(String amount) {
        return new Money(amount, "AUD");
    }

    private static CloudEvent outcome(String clientId, String outcome, LocalDate contractEnd, Money newRevenue) {
        RenewalOutcomeRecorded payload = new RenewalOutcomeRecorded(UUID.randomUUID().toString(), clientId, outcome,
                contractEnd, money("578000.00"), newRevenue, Instant.now(), "cse");
        return CloudEvent.create(EventCatalogue.RENEWAL_OUTCOME_RECORDED, clientId, Json.tree(payload), null);
    }

    private static String client(int activeUsersPct, LocalDate observed) {
        String id = asIntegration().body(ClientApiTestSupport.client("Renewal outcome " + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        asIntegration().body(Map.of("signals", List.of(Map.of("eventId", "ro-" + UUID.randomUUID(), "clientId", id,
                        "metric", "usage.active_users_pct", "value", activeUsersPct,
                        "occurredAt", observed.atStartOfDay(ZoneOffset.UTC).toInstant().toString()))))
                .post("/api/v1/signals").then().statusCode(200).body("[0].outcome", equalTo("ACCEPTED"));
        return id;
    }
}
