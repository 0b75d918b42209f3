package io.rhythm.nps.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.nps.domain.initiatives.Quarter;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** NPS initiatives: who creates and edits them, row-level reading, append-only progress and the quarterly update. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class InitiativeApiTest {

    private static final String BASE = "/api/v1/nps/initiatives";

    @Inject
    ClientDirectory directory;

    private static String request(String title, String status, String... clientIds) {
        String clients = String.join(", ", java.util.Arrays.stream(clientIds).map(id -> "\"" + id + "\"").toList());
        return """
                {"title": "%s", "description": "Answer the legacy/outdated perception", "owner": "AVP CS",
                 "themes": ["PRODUCT_PERCEPTION"], "clientIds": [%s], %s "targetDate": "2027-03-31"}"""
                .formatted(title, clients, status == null ? "" : "\"status\": \"" + status + "\",");
    }

    @Test
    void leadersAndOwningCsesManageInitiativesWithProgressAndAQuarterlyUpdate() {
        String mine = LetterFixtures.known(directory, TestClients.publishNew("Init Mine " + UUID.randomUUID(), "cse", "cam"));
        String theirs = LetterFixtures.known(directory, TestClients.publishNew("Init Theirs " + UUID.randomUUID(), "cse2", "cam2"));

        // create: leaders for any clients, a CSE for their own only, marketing never
        String shared = as("avp").body(request("Modernise the UI", null, mine, theirs)).post(BASE).then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", notNullValue())
                .body("status", equalTo("PLANNED")).body("themes", contains("PRODUCT_PERCEPTION"))
                .body("clientIds", contains(mine, theirs)).body("createdBy", equalTo("avp")).extract().path("id");
        String own = as("cse").body(request("Roadmap briefing", "IN_PROGRESS", mine)).post(BASE).then().statusCode(201)
                .body("status", equalTo("IN_PROGRESS")).extract().path("id");
        String key = "initiative-" + UUID.randomUUID();
        String once = as("cam").header("Idempotency-Key", key).body(request("Training refresh", null, mine)).post(BASE).then()
                .statusCode(201).extract().path("id");
        as("cam").header("Idempotency-Key", key).body(request("Training refresh", null, mine)).post(BASE).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(once));
        as("cse").body(request("Not mine", null, theirs)).post(BASE).then().statusCode(400)
                .body("errors.field", contains("clientIds[0]"));
        as("cse").body(request("Nobody's", null)).post(BASE).then().statusCode(403);
        as("marketing").body(request("Campaign", null)).post(BASE).then().statusCode(403);
        as("avp").body(request("Unknown client", null, UUID.randomUUID().toString())).post(BASE).then().statusCode(400)
                .body("errors.field", contains("clientIds[0]"));
        as("avp").body("{\"title\": \"\", \"owner\": \" \", \"themes\": [\"not a theme\"], \"targetDate\": \"someday\"}").post(BASE)
                .then().statusCode(400);
        as("avp").body("{\"title\": \"\", \"owner\": \" \", \"themes\": [\"not a theme\"]}").post(BASE).then().statusCode(400)
                .body("errors.field", hasItems("title", "owner")).body("errors.field", hasItem(startsWith("themes")));
        as("avp").body("{\"title\": \"x\", \"owner\": \"y\", \"status\": \"FINISHED\"}").post(BASE).then().statusCode(400);

        // read: row-level (a CSE sees initiatives of their clients), filters, paging
        as("cse").get(BASE + "?clientId=" + mine).then().statusCode(200).body("items.id", containsInAnyOrder(shared, own, once));
        as("cse2").get(BASE + "?clientId=" + mine).then().statusCode(200).body("items.id", contains(shared));
        as("cse2").get(BASE + "/" + own).then().statusCode(404);
        as("cse2").get(BASE + "/" + shared).then().statusCode(200);
        as("marketing").get(BASE + "/" + own).then().statusCode(200);
        as("avp").get(BASE + "/" + UUID.randomUUID()).then().statusCode(404);
        as("avp").get(BASE + "?clientId=" + mine + "&status=IN_PROGRESS").then().body("items.id", contains(own));
        as("avp").get(BASE + "?clientId=" + mine + "&theme=product_perception").then().body("items", hasSize(3));
        as("avp").get(BASE + "?clientId=" + mine + "&theme=TRAINING").then().body("items", hasSize(0));
        String next = as("avp").get(BASE + "?clientId=" + mine + "&limit=2").then().statusCode(200)
                .body("items.id", contains(once, own)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        as("avp").get(BASE + "?clientId=" + mine + "&limit=2&cursor=" + next).then().statusCode(200)
                .body("items.id", contains(shared)).body("nextCursor", nullValue());
        as("avp").get(BASE + "?status=WHATEVER").then().statusCode(400).body("errors.field", contains("status"));
        as("avp").get(BASE + "?clientId=nope").then().statusCode(400).body("errors.field", contains("clientId"));
        as("avp").get(BASE + "?cursor=garbage").then().statusCode(400);

        // update: the owning CSE for initiatives of only their clients; leaders for all; If-Match
        String ownEtag = as("cse").get(BASE + "/" + own).then().extract().header("ETag");
        String sharedEtag = as("avp").get(BASE + "/" + shared).then().extract().header("ETag");
        as("cse").header("If-Match", sharedEtag).body(request("Taken over", "IN_PROGRESS", mine, theirs)).put(BASE + "/" + shared)
                .then().statusCode(403);
        as("cse").body(request("Roadmap briefings", null, mine)).put(BASE + "/" + own).then().statusCode(428);
        as("cse").header("If-Match", "\"v42\"").body(request("Roadmap briefings", null, mine)).put(BASE + "/" + own).then()
                .statusCode(412);
        as("cse").header("If-Match", ownEtag).body(request("Roadmap briefings", "PLANNED", mine)).put(BASE + "/" + own).then()
                .statusCode(409);
        String ownEtag2 = as("cse").header("If-Match", ownEtag).body(request("Roadmap briefings", null, mine)).put(BASE + "/" + own)
                .then().statusCode(200).body("title", equalTo("Roadmap briefings")).body("status", equalTo("IN_PROGRESS"))
                .header("ETag", not(equalTo(ownEtag))).extract().header("ETag");
        as("avp").header("If-Match", sharedEtag).body(request("Modernise the UI", "IN_PROGRESS", mine, theirs))
                .put(BASE + "/" + shared).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));

        // progress: append-only, validated, denied to others, closed once DONE
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Quarter quarter = Quarter.containing(today);
        Quarter before = Quarter.containing(quarter.start().minusDays(1));
        as("cse").body("{\"reportedOn\": \"" + before.end() + "\", \"text\": \"Kick-off\", \"percentComplete\": 10}")
                .post(BASE + "/" + own + "/progress").then().statusCode(201).body("author", equalTo("cse"));
        as("cse").body("{\"text\": \"Two briefings held\", \"percentComplete\": 40}").post(BASE + "/" + own + "/progress").then()
                .statusCode(201).body("reportedOn", equalTo(today.toString())).body("percentComplete", equalTo(40));
        as("cse").body("{\"text\": \"\", \"percentComplete\": 101}").post(BASE + "/" + own + "/progress").then().statusCode(400)
                .body("errors.field", hasItems("text", "percentComplete"));
        as("cse").body("{\"reportedOn\": \"" + today.plusDays(3) + "\", \"text\": \"Soon\", \"percentComplete\": 50}")
                .post(BASE + "/" + own + "/progress").then().statusCode(400).body("errors.field", contains("reportedOn"));
        as("cse2").body("{\"text\": \"Me too\", \"percentComplete\": 50}").post(BASE + "/" + own + "/progress").then().statusCode(404);
        as("cse").body("{\"text\": \"Shared work\", \"percentComplete\": 5}").post(BASE + "/" + shared + "/progress").then()
                .statusCode(403);
        as("marketing").body("{\"text\": \"x\", \"percentComplete\": 5}").post(BASE + "/" + own + "/progress").then().statusCode(403);
        as("marketing").get(BASE + "/" + own + "/progress").then().statusCode(200)
                .body("text", contains("Kick-off", "Two briefings held"));

        // the quarterly NPS Initiatives Update
        as("avp").get(BASE + "/quarterly-update?quarter=" + quarter + "&clientId=" + mine).then().statusCode(200)
                .body("quarter", equalTo(quarter.toString()))
                .body("from", equalTo(quarter.start().toString()))
                .body("initiatives", hasSize(3))
                .body("byStatus.IN_PROGRESS", equalTo(2))
                .body("byStatus.PLANNED", equalTo(1))
                .body("byStatus.DONE", equalTo(0))
                .body("withoutUpdateInQuarter", equalTo(2))
                .body("initiatives.find { it.initiative.id == '" + own + "' }.latestProgress.percentComplete", equalTo(40))
                .body("initiatives.find { it.initiative.id == '" + own + "' }.updatedInQuarter", equalTo(true))
                .body("initiatives.find { it.initiative.id == '" + own + "' }.updatesInQuarter.text", contains("Two briefings held"))
                .body("initiatives.find { it.initiative.id == '" + shared + "' }.latestProgress", nullValue());
        as("cse2").get(BASE + "/quarterly-update?clientId=" + mine).then().statusCode(200)
                .body("quarter", equalTo(quarter.toString())).body("initiatives.initiative.id", contains(shared));
        as("avp").get(BASE + "/quarterly-update?quarter=" + before + "&clientId=" + mine).then().statusCode(200)
                .body("initiatives", hasSize(0));
        as("avp").get(BASE + "/quarterly-update?quarter=2026-Q7").then().statusCode(400).body("errors.field", contains("quarter"));

        // DONE is final
        as("cse").header("If-Match", ownEtag2).body(request("Roadmap briefings", "DONE", mine)).put(BASE + "/" + own).then()
                .statusCode(200).body("status", equalTo("DONE"));
        as("cse").body("{\"text\": \"After the end\", \"percentComplete\": 100}").post(BASE + "/" + own + "/progress").then()
                .statusCode(409);
        as("avp").header("If-Match", "*").body(request("Roadmap briefings", "IN_PROGRESS", mine)).put(BASE + "/" + own).then()
                .statusCode(409);
        as("avp").get(BASE + "/" + own + "/progress").then().body("percentComplete", contains(10, 40));
        List.of("cse", "cam", "avp", "vp", "evp", "marketing", "admin").forEach(user ->
                as(user).get(BASE + "?clientId=" + mine).then().statusCode(200));
    }
}
