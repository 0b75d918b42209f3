package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A backtest on a small generated history with a known answer. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class BacktestApiTest {

    @Test
    void aModelThatSawBothChurnsComingScoresPerfectlyWithTheRightLeadTime() {
        // a random stretch of the past, so that reruns against the same database do not meet earlier outcomes
        LocalDate base = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 36_000));
        LocalDate observed = base.minusDays(200);
        String churnedA = client(10, observed);   // usage 0 → Critical
        String churnedB = client(30, observed);   // usage 16.7 → Critical
        String renewedC = client(80, observed);   // usage 100 → Healthy
        String renewedD = client(70, observed);   // usage 83.3 → Stable
        String noData = client(null, observed);   // never scored
        outcome(churnedA, "CHURNED", base.plusDays(10));
        outcome(churnedB, "CHURNED", base.plusDays(20));
        outcome(renewedC, "RENEWED", base.plusDays(10));
        outcome(renewedD, "RENEWED", base.plusDays(25));
        outcome(noData, "RENEWED", base.plusDays(5));

        LocalDate warnedSince = YearMonth.from(observed).atEndOfMonth();
        double expectedLead = (ChronoUnit.DAYS.between(warnedSince, base.plusDays(10))
                + ChronoUnit.DAYS.between(warnedSince, base.plusDays(20))) / 2.0;

        as("avp").body(Map.of("from", base.toString(), "to", base.plusDays(30).toString()))
                .post("/api/v1/health/models/1/backtest").then().statusCode(200)
                .body("clients", equalTo(5)).body("churned", equalTo(2)).body("renewed", equalTo(2)).body("unscored", equalTo(1))
                .body("auc", equalTo(1.0f)).body("precision", equalTo(1.0f)).body("recall", equalTo(1.0f))
                .body("confusion.truePositives", equalTo(2)).body("confusion.trueNegatives", equalTo(2))
                .body("averageLeadTimeDays", equalTo((float) expectedLead)).body("churnedWithWarning", equalTo(2))
                .body("horizonDays", equalTo(90))
                .body("predictions.find { it.clientId == '" + churnedB + "' }.band", equalTo("CRITICAL"))
                .body("predictions.find { it.clientId == '" + renewedD + "' }.score", equalTo(83.3f))
                .body("predictions.find { it.clientId == '" + noData + "' }.score", nullValue());
    }

    @Test
    void badRequestsAndWrongRolesAreRefused() {
        as("avp").body(Map.of("from", "2026-02-01", "to", "2026-01-01")).post("/api/v1/health/models/1/backtest").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        as("avp").body(Map.of("from", "2026-01-01")).post("/api/v1/health/models/1/backtest").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        as("avp").body(Map.of("from", "2026-01-01", "to", "2026-02-01")).post("/api/v1/health/models/999/backtest").then().statusCode(404);
        as("cse").body(Map.of("from", "2026-01-01", "to", "2026-02-01")).post("/api/v1/health/models/1/backtest").then().statusCode(403);
        asIntegration().body(Map.of("clientId", UUID.randomUUID().toString(), "outcome", "CHURNED", "date", "2026-01-01"))
                .post("/api/v1/health/outcomes").then().statusCode(404);
        asIntegration().body(Map.of("clientId", UUID.randomUUID().toString(), "outcome", "LOST", "date", "2026-01-01"))
                .post("/api/v1/health/outcomes").then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        as("cse").body(Map.of("clientId", UUID.randomUUID().toString(), "outcome", "CHURNED", "date", "2026-01-01"))
                .post("/api/v1/health/outcomes").then().statusCode(403);
    }

    private static String client(Integer activeUsersPct, LocalDate observed) {
        String id = asIntegration().body(ClientApiTest.client("Backtest " + UUID.randomUUID(), "cse", "cam", "hs-" + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        if (activeUsersPct != null) {
            asIntegration().body(Map.of("signals", List.of(Map.of("eventId", "bt-" + UUID.randomUUID(), "clientId", id,
                            "metric", "usage.active_users_pct", "value", activeUsersPct,
                            "occurredAt", observed.atStartOfDay(ZoneOffset.UTC).toInstant().toString()))))
                    .post("/api/v1/signals").then().statusCode(200).body("[0].outcome", equalTo("ACCEPTED"));
        }
        return id;
    }

    private static void outcome(String clientId, String outcome, LocalDate date) {
        asIntegration().body(Map.of("clientId", clientId, "outcome", outcome, "date", date.toString()))
                .post("/api/v1/health/outcomes").then().statusCode(201);
    }
}
