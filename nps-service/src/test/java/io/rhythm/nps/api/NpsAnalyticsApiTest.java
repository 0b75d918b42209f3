package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Breakdowns by client, segment, business unit and CSE, and the trend across two cycles, with known numbers:
 * client A (BU x, cse/cam, ARR 300k, segment s) answers 10, 9, 6 of 5 invited in Q2 and 10, 10, 9, 8 of 5 in Q4;
 * client B (BU y, cse2/cam2, ARR 100k, segment s) answers 3, 7 of 4 in Q2 and nothing of 2 in Q4.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class NpsAnalyticsApiTest {

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory directory;

    private static String a;
    private static String b;
    private static String buX;
    private static String buY;
    private static String segment;
    private static String q2;
    private static String q4;

    /** Once per class: the numbers of every test depend on this portfolio only. */
    @BeforeEach
    void portfolio() {
        if (q4 != null) {
            return;
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        buX = "Hospitals " + run;
        buY = "Aged care " + run;
        segment = "COLLABORATE";
        a = client("Alpha " + run, buX, "cse", "cam", "300000.00");
        b = client("Beta " + run, buY, "cse2", "cam2", "100000.00");
        CloudEvent first = migrate(a, null, "MAINTAIN");
        migrate(a, "MAINTAIN", segment);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, first); // redelivered after the later move: changes nothing
        migrate(b, null, segment);
        await().atMost(Duration.ofSeconds(30)).until(() -> segment.equals(segmentOf(a)) && segment.equals(segmentOf(b)));

        String spring = cycle("Analytics Q2 " + run, "2041-04-07");
        String autumn = cycle("Analytics Q4 " + run, "2041-10-06");
        answers(spring, a, 5, 10, 9, 6);
        answers(spring, b, 4, 3, 7);
        answers(autumn, a, 5, 10, 10, 9, 8);
        answers(autumn, b, 2);
        q2 = spring;
        q4 = autumn;
    }

    @Test
    void breakdownsBySegmentBusinessUnitCseAndClientWithKnownNumbers() {
        as("avp").get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=segment").then().statusCode(200)
                .body("groupBy", equalTo("segment"))
                .body("overall.summary.count", equalTo(5))
                .body("groups", hasSize(1))
                .body("groups[0].key", equalTo(segment))
                .body("groups[0].summary.promoters", equalTo(2))
                .body("groups[0].summary.passives", equalTo(1))
                .body("groups[0].summary.detractors", equalTo(2))
                .body("groups[0].summary.npsRounded", equalTo(0))
                .body("groups[0].summary.average", equalTo(7.0f))
                .body("groups[0].summary.min", equalTo(3))
                .body("groups[0].summary.max", equalTo(10))
                .body("groups[0].summary.standardDeviation", near(Math.sqrt(7.5)))
                .body("groups[0].summary.smallSample", equalTo(true))
                .body("groups[0].caveat", org.hamcrest.Matchers.containsString("95 % interval"))
                .body("groups[0].responseRate.invited", equalTo(9))
                .body("groups[0].responseRate.percent", equalTo(55.6f))
                .body("groups[0].responseRate.targetMet", equalTo(true))
                .body("groups[0].weightedByRevenue.npsRounded", equalTo(18))
                .body("groups[0].weightedByRevenue.unweighted.npsRounded", equalTo(0));
        as("avp").get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=businessUnit").then().statusCode(200)
                .body("groups.key", contains(buY, buX))
                .body("groups.find { it.key == '" + buX + "' }.summary.npsRounded", equalTo(33))
                .body("groups.find { it.key == '" + buY + "' }.summary.npsRounded", equalTo(-50))
                .body("groups.find { it.key == '" + buY + "' }.responseRate.percent", equalTo(50.0f))
                .body("groups.find { it.key == '" + buY + "' }.responseRate.targetMet", equalTo(true));
        as("avp").get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=cse").then().statusCode(200)
                .body("groups.key", contains("cse", "cse2"))
                .body("groups[1].summary.count", equalTo(2));
        as("avp").get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=client").then().statusCode(200)
                .body("groups.key", contains(a, b));
        // Q4: B was invited but silent — listed, with an empty summary and a 0 % rate
        as("avp").get("/api/v1/nps/cycles/" + q4 + "/breakdown?groupBy=businessUnit").then().statusCode(200)
                .body("groups.find { it.key == '" + buY + "' }.summary.count", equalTo(0))
                .body("groups.find { it.key == '" + buY + "' }.responseRate.targetMet", equalTo(false))
                .body("groups.find { it.key == '" + buX + "' }.summary.npsRounded", equalTo(75));
        // the full results carry the segment breakdown too
        as("vp").get("/api/v1/nps/cycles/" + q2 + "/results").then().statusCode(200)
                .body("bySegment.key", contains(segment))
                .body("byBusinessUnit.find { it.key == '" + buX + "' }.weightedByRevenue.npsRounded", equalTo(33));
    }

    @Test
    void aCseSeesBreakdownsOfTheirOwnClientsOnlyAndMarketingSeesAll() {
        as("cse").get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=segment").then().statusCode(200)
                .body("overall.summary.count", equalTo(3))
                .body("groups[0].summary.npsRounded", equalTo(33))
                .body("groups[0].responseRate.invited", equalTo(5));
        as("cse2").get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=client").then().statusCode(200)
                .body("groups.key", contains(b));
        as("marketing").get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=segment").then().statusCode(200)
                .body("groups[0].summary.count", equalTo(5));
        asIntegration().get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=segment").then().statusCode(403);
        anonymous().get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=segment").then().statusCode(401);
    }

    @Test
    void badBreakdownRequestsAreClearErrors() {
        as("avp").get("/api/v1/nps/cycles/" + q2 + "/breakdown?groupBy=planet").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        as("avp").get("/api/v1/nps/cycles/" + q2 + "/breakdown").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        as("avp").get("/api/v1/nps/cycles/" + UUID.randomUUID() + "/breakdown?groupBy=cse").then().statusCode(404);
        as("avp").get("/api/v1/nps/trend?clientId=not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
    }

    @Test
    void theTrendAcrossTwoCyclesShowsTheChangeFromThePreviousCycle() {
        as("cse").get("/api/v1/nps/trend?clientId=" + a).then().statusCode(200)
                .body("cycles", hasSize(2))
                .body("cycles.cycleId", contains(q2, q4))
                .body("cycles[0].summary.npsRounded", equalTo(33))
                .body("cycles[0].changeFromPrevious", nullValue())
                .body("cycles[1].summary.npsRounded", equalTo(75))
                .body("cycles[1].changeFromPrevious.npsRoundedPoints", equalTo(42))
                .body("cycles[1].changeFromPrevious.npsPoints", near(75 - 100.0 / 3))
                .body("cycles[1].changeFromPrevious.averagePoints", near(9.25 - 25.0 / 3))
                .body("cycles[1].changeFromPrevious.responseRatePoints", near(20.0))
                .body("cycles[1].changeFromPrevious.direction", equalTo("UP"))
                .body("cycles[1].changeFromPrevious.withinNoise", equalTo(true))
                .body("cycles[1].responseRate.percent", equalTo(80.0f));
        as("avp").get("/api/v1/nps/trend?segment=" + segment.toLowerCase()).then().statusCode(200)
                .body("cycles.find { it.cycleId == '" + q2 + "' }.summary.count", equalTo(5))
                .body("cycles.find { it.cycleId == '" + q4 + "' }.summary.count", equalTo(4))
                .body("cycles.find { it.cycleId == '" + q4 + "' }.changeFromPrevious.npsRoundedPoints", equalTo(75));
        // B's business unit: answered in Q2, silent in Q4 → no change to report
        as("avp").get("/api/v1/nps/trend?businessUnit=" + buY).then().statusCode(200)
                .body("cycles.summary.count", contains(2, 0))
                .body("cycles[1].changeFromPrevious", nullValue())
                .body("cycles[1].responseRate.percent", equalTo(0.0f));
        as("avp").get("/api/v1/nps/trend?cse=cse2&businessUnit=" + buY.toUpperCase()).then().statusCode(200)
                .body("cycles.summary.count", contains(2, 0));
        // row level: cse2 cannot ask about A, and cse sees nothing of B's business unit
        as("cse2").get("/api/v1/nps/trend?clientId=" + a).then().statusCode(404);
        as("cse").get("/api/v1/nps/trend?businessUnit=" + buY).then().statusCode(200).body("cycles", empty());
        asIntegration().get("/api/v1/nps/trend").then().statusCode(403);
    }

    /** JSON numbers arrive as floats in RestAssured: compare within float precision. */
    private static org.hamcrest.Matcher<Object> near(double expected) {
        return org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.instanceOf(Number.class), new org.hamcrest.CustomMatcher<>("≈ " + expected) {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof Number n && Math.abs(n.doubleValue() - expected) < 1e-4;
            }
        });
    }

    private String client(String name, String businessUnit, String cse, String cam, String arr) {
        String id = UUID.randomUUID().toString();
        ClientUpserted client = new ClientUpserted(id, name, "APAC", businessUnit, cse, cam, "Enterprise", "MATURE",
                LocalDate.of(2042, 6, 30), new Money(arr, "AUD"), Map.of(), 0);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CLIENT_UPSERTED, id, Json.tree(client), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(id)).isPresent());
        return id;
    }

    private static CloudEvent migrate(String clientId, String from, String to) {
        CloudEvent event = CloudEvent.create(EventCatalogue.SEGMENT_MIGRATED, clientId,
                Json.tree(new SegmentMigrated(clientId, from, to, "test", false, "avp")), null);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, event);
        return event;
    }

    private String segmentOf(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select segment from client_segment where client_id = ?1")
                    .setParameter(1, UUID.fromString(clientId)).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }

    private static String cycle(String name, String openDate) {
        return as("avp").body("{\"name\": \"" + name + "\", \"openDate\": \"" + openDate + "\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
    }

    /** {@code invited} recipients invited, the first {@code scores.length} of them answered with these scores. */
    private void answers(String cycleId, String clientId, int invited, int... scores) {
        LetterFixtures.answers(em, cycleId, clientId, invited, scores, null);
    }
}
