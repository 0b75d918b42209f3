package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.health.alerts.MutableClock;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static io.rhythm.health.api.AlertTesting.count;
import static io.rhythm.health.api.AlertTesting.newClient;
import static io.rhythm.health.api.AlertTesting.send;
import static io.rhythm.health.api.AlertTesting.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;

/** Health > 85 and usage ≥ 80 % of plan limits for 2 consecutive months → one ExpansionSignalRaised per streak. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ExpansionSignalApiTest {

    private static final String EXPANSION = EventCatalogue.EXPANSION_SIGNAL_RAISED.type();

    @Inject
    MutableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void twoMonthsNearThePlanLimitWhileHealthyRaiseOneExpansionSignal() {
        // noon on the 1st of this month (or of the last one): both months are whole calendar months apart
        Instant now = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        if (now.isAfter(Instant.now().minus(Duration.ofHours(1)))) {
            now = now.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
        }
        clock.freezeAt(now);
        Instant lastMonth = now.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
        Instant thisMonth = now.minusSeconds(60);
        String clientId = newClient("cse");
        try (TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            send(signal(clientId, "usage.plan_limit_usage_pct", 85, lastMonth)).body("[0].outcome", equalTo("ACCEPTED"));
            // one month is not a streak
            assertThat(count(alerts, EXPANSION, clientId, Duration.ofSeconds(1))).isZero();

            send(signal(clientId, "usage.active_users_pct", 80, thisMonth), signal(clientId, "usage.login_days_last_30", 20, thisMonth),
                    signal(clientId, "usage.days_since_last_login", 1, thisMonth),
                    signal(clientId, "usage.feature_adoption_pct", 70, thisMonth),
                    signal(clientId, "usage.plan_limit_usage_pct", 90, thisMonth))
                    .body("outcome", everyItem(equalTo("ACCEPTED")));
            CloudEvent raised = TopicProbe.validated(alerts.awaitRecord(r -> AlertTesting.is(r, EXPANSION, clientId),
                    Duration.ofSeconds(30)));
            YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
            assertThat(raised.data().get("qualifyingMonth").asText()).isEqualTo(month.toString());
            assertThat(raised.data().get("streakStartMonth").asText()).isEqualTo(month.minusMonths(1).toString());
            assertThat(raised.data().get("usageStreakMonths").asInt()).isEqualTo(2);
            assertThat(raised.data().get("healthScore").asDouble()).isGreaterThan(85.0);
            assertThat(raised.data().get("planLimitUsagePct").asDouble()).isEqualTo(90.0);
            assertThat(raised.data().get("owner").asText()).isEqualTo("cse");

            // the same streak goes on: not raised again
            send(signal(clientId, "usage.plan_limit_usage_pct", 95, now.minusSeconds(30))).body("[0].outcome", equalTo("ACCEPTED"));
            assertThat(count(alerts, EXPANSION, clientId, Duration.ofSeconds(2))).isEqualTo(1);
        }
    }
}
