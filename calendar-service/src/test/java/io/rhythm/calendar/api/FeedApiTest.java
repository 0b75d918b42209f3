package io.rhythm.calendar.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class FeedApiTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    io.rhythm.calendar.service.IcsFeeds feeds;

    @Test
    void aCsesFeedValidatesAndHoldsTheirRhythmAndMeetingsButNotAnotherCsesClientMeetings() throws Exception {
        String mine = knownClient("cse", "cam");
        String theirs = knownClient("cse2", "cam2");
        String day = LocalDate.now().plusDays(5).toString();
        String myMeeting = as("cse").body(plan(mine, "My QBR " + UUID.randomUUID(), day, "Australia/Sydney"))
                .post("/api/v1/calendar/activities/planned").then().statusCode(201).extract().path("title");
        String cancelledId = as("cse").body(plan(mine, "Cancelled review", day, "Pacific/Auckland"))
                .post("/api/v1/calendar/activities/planned").then().statusCode(201).extract().path("id");
        as("cse").body("{\"reason\": \"postponed\"}").post("/api/v1/calendar/activities/" + cancelledId + "/cancel").then().statusCode(200);
        String theirMeeting = as("cse2").body(plan(theirs, "Their QBR " + UUID.randomUUID(), day, "Asia/Singapore"))
                .post("/api/v1/calendar/activities/planned").then().statusCode(201).extract().path("title");

        String url = as("cse").post("/api/v1/calendar/feeds").then().statusCode(201)
                .body("url", startsWith("http://127.0.0.1:28185/api/v1/calendar/feeds/ics/")).extract().path("url");
        String path = url.substring("http://127.0.0.1:28185".length());
        String ics = given().get(path).then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        List<String> summaries = events.stream().map(e -> e.getSummary().getValue()).toList();
        assertThat(summaries).contains("NPS Q2 Survey", "Segmentation Model Review", "Segmentation Model Review: Finalised segmentation",
                        myMeeting + " (QBR)")
                .doesNotContain(theirMeeting + " (QBR)", "Sales Target Workshop");
        assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:Australia/Sydney", "TZID:Pacific/Auckland", "STATUS:CANCELLED",
                "BEGIN:VALARM", "DTSTART;VALUE=DATE:20260518", "DTEND;VALUE=DATE:20260613");
        assertThat(ics).doesNotContain("Asia/Singapore");
        VEvent review = events.stream().filter(e -> e.getSummary().getValue().equals("Segmentation Model Review")).findFirst().orElseThrow();
        assertThat(review.getUid().orElseThrow().getValue()).startsWith("event-").endsWith("@rhythm");

        // a new URL revokes the old one; revoking leaves none
        String second = as("cse").post("/api/v1/calendar/feeds").then().statusCode(201).extract().path("url");
        given().get(path).then().statusCode(404).contentType(startsWith("application/problem+json"));
        String secondPath = second.substring("http://127.0.0.1:28185".length());
        given().get(secondPath).then().statusCode(200);
        as("cse").delete("/api/v1/calendar/feeds").then().statusCode(204);
        given().get(secondPath).then().statusCode(404);
        given().get("/api/v1/calendar/feeds/ics/" + "x".repeat(43)).then().statusCode(404);
    }

    @Test
    void aFeedReadAgainShowsEveryChangeMadeSinceAtOnce() {
        // each component's text is kept between reads (FeedCache, by row stamp); every change below must show on the very next read
        String clientId = knownClient("cse3", "cam2");
        String day = LocalDate.now().plusDays(9).toString();
        String title = "Kept feed " + UUID.randomUUID();
        io.restassured.response.Response planned = as("cse3").body(plan(clientId, title, day, "Australia/Sydney"))
                .post("/api/v1/calendar/activities/planned");
        planned.then().statusCode(201);
        String id = planned.path("id");
        String url = as("cse3").post("/api/v1/calendar/feeds").then().statusCode(201).extract().path("url");
        String path = url.substring("http://127.0.0.1:28185".length());
        String first = given().get(path).then().statusCode(200).extract().asString();
        assertThat(first).contains(title + " (QBR)", "DTSTART;TZID=Australia/Sydney:" + day.replace("-", "") + "T100000");
        assertThat(given().get(path).then().statusCode(200).extract().asString()).isEqualTo(first);

        String moved = LocalDate.now().plusDays(10).toString();
        as("cse3").header("If-Match", planned.header("ETag"))
                .body("{\"startsAt\": \"" + moved + "T14:30:00\", \"timeZone\": \"Australia/Sydney\", \"durationMinutes\": 45}")
                .post("/api/v1/calendar/activities/" + id + "/reschedule").then().statusCode(200);
        assertThat(given().get(path).then().statusCode(200).extract().asString())
                .contains("DTSTART;TZID=Australia/Sydney:" + moved.replace("-", "") + "T143000", "SEQUENCE:1")
                .doesNotContain("DTSTART;TZID=Australia/Sydney:" + day.replace("-", "") + "T100000");

        String another = "Another kept " + UUID.randomUUID();
        as("cse3").body(plan(clientId, another, day, "Pacific/Auckland")).post("/api/v1/calendar/activities/planned")
                .then().statusCode(201);
        assertThat(given().get(path).then().statusCode(200).extract().asString()).contains(another + " (QBR)", "TZID:Pacific/Auckland");

        // the client moves to another CSE: a meeting the AVP planned leaves cse3's feed; the ones cse3 planned stay
        String leaders = "Leader's kept " + UUID.randomUUID();
        as("avp").body(plan(clientId, leaders, day, "Australia/Sydney")).post("/api/v1/calendar/activities/planned")
                .then().statusCode(201);
        assertThat(given().get(path).then().statusCode(200).extract().asString()).contains(leaders);
        TestClients.publish(clientId, "Moved client", "cse", "cam", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> !given().get(path).then().statusCode(200).extract().asString()
                .contains(leaders));
        assertThat(given().get(path).then().statusCode(200).extract().asString()).contains(title + " (QBR)", another + " (QBR)");
    }

    @Test
    void anUnchangedFeedAnswers304ToItsETagAndAnyChangeGivesANewOne() throws Exception {
        String title = "Polled feed " + UUID.randomUUID();
        Subscribed subscribed = meetingAndFeed(knownClient("cse2", "cam"), "cam", 11, title, "Asia/Singapore");
        String clientId = subscribed.clientId();
        String id = subscribed.activityId();
        String path = subscribed.path();
        io.restassured.response.Response first = given().get(path);
        first.then().statusCode(200);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{20,}\"");
        assertThat(first.asString()).contains(title + " (QBR)");

        // a calendar app polling with its copy's ETag: 304 without a body, also weak, in a list or as *
        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag).body(equalTo(""));
        given().header("If-None-Match", "\"other\", W/" + etag).get(path).then().statusCode(304);
        given().header("If-None-Match", "*").get(path).then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200).header("ETag", etag);
        given().header("If-None-Match", "not a tag ,,").get(path).then().statusCode(200);

        // a change made without the API (no new version) still changes the feed and its ETag on the next read
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update engagement_activity set notes = 'Changed in the database' where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        io.restassured.response.Response changed = given().header("If-None-Match", etag).get(path);
        changed.then().statusCode(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.asString()).contains("DESCRIPTION:Changed in the database");
        Calendar calendar = new CalendarBuilder().build(new StringReader(changed.asString()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        VEvent meeting = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getSummary().getValue().equals(title + " (QBR)")).findFirst().orElseThrow();
        assertThat(meeting.getDescription().getValue()).isEqualTo("Changed in the database");
        given().header("If-None-Match", changed.header("ETag")).get(path).then().statusCode(304);

        // the client's feed and a role's feed have ETags too
        io.restassured.response.Response client = as("cam").get("/api/v1/calendar/feeds/clients/" + clientId);
        client.then().statusCode(200);
        assertThat(client.asString()).contains(title + " (QBR)", "TZID:Asia/Singapore");
        as("cam").header("If-None-Match", client.header("ETag")).get("/api/v1/calendar/feeds/clients/" + clientId)
                .then().statusCode(304);
        String role = as("cam").get("/api/v1/calendar/feeds/roles/cam").then().statusCode(200).extract().header("ETag");
        as("cam").header("If-None-Match", role).get("/api/v1/calendar/feeds/roles/cam").then().statusCode(304);
    }

    @Test
    void aKeptFeedIsSentByteForByteAsAssembledAndEveryKindOfChangeShowsOnTheNextRead() throws Exception {
        // an unchanged feed is sent as kept (IcsFeeds/FeedCache: one statement checks the secret and the feed's version)
        String title = "Kept whole " + UUID.randomUUID();
        Subscribed subscribed = meetingAndFeed(knownClient("cse3", "cam"), "cse3", 13, title, "Pacific/Auckland");
        String id = subscribed.activityId();
        String path = subscribed.path();
        io.restassured.response.Response assembled = given().get(path); // nothing kept yet for this secret: assembled
        assembled.then().statusCode(200);
        byte[] first = assembled.asByteArray();
        io.restassured.response.Response kept = given().get(path); // the kept feed, written from its parts
        kept.then().statusCode(200).header("ETag", assembled.header("ETag")).header("Content-Length", String.valueOf(first.length));
        assertThat(kept.asByteArray()).isEqualTo(first);
        // ... and the parts concatenated are the same bytes
        assertThat(feeds.personal(path.substring(path.lastIndexOf('/') + 1)).body()).isEqualTo(first);
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).startsWith("BEGIN:VCALENDAR\r\n")
                .endsWith("END:VCALENDAR\r\n").contains(title + " (QBR)");

        // a row removed without the API is gone on the next read
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from engagement_activity where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        io.restassured.response.Response removed = given().get(path);
        removed.then().statusCode(200);
        assertThat(removed.asString()).doesNotContain(title);
        assertThat(removed.header("ETag")).isNotEqualTo(assembled.header("ETag"));
        // a write of any other part's row, even one that changes nothing shown, gives the feed a new version on the next read:
        // the feed is assembled again, under a new ETag (its rows' stamps changed), with the same content
        String before = removed.header("ETag");
        for (String write : List.of(
                "update deliverable set title = title where id = (select d.id from deliverable d join checklist k on k.id = d.checklist_id "
                        + "where d.status = 'OPEN' and d.owner_person is null and d.owner_roles @> '{cse}' and k.client_id is null "
                        + "order by d.due_on, d.id limit 1)",
                "update calendar_event set title = title where id = (select id from calendar_event where realm_roles @> '{cse}' "
                        + "order by starts_on, id limit 1)")) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(write)) {
                assertThat(ps.executeUpdate()).as(write).isEqualTo(1);
            }
            io.restassured.response.Response next = given().get(path);
            next.then().statusCode(200);
            assertThat(next.header("ETag")).as(write).isNotEqualTo(before);
            // the rewritten row's component is rendered again (a new DTSTAMP), everything else is as it was
            assertThat(withoutStamps(next.asString())).isEqualTo(withoutStamps(removed.asString()));
            before = next.header("ETag");
            given().get(path).then().statusCode(200).header("ETag", before);
        }
    }

    @Test
    void aRolesFeedHoldsOnlyTheRhythm() throws Exception {
        String ics = as("avp").get("/api/v1/calendar/feeds/roles/marketing").then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).isFalse();
        List<String> summaries = calendar.<VEvent>getComponents("VEVENT").stream().map(e -> e.getSummary().getValue()).toList();
        assertThat(summaries).contains("2027 MarCom Kickoff").doesNotContain("Segmentation Model Review");
        assertThat(ics).doesNotContain("CLIENT_ACTIVITY");
        as("avp").get("/api/v1/calendar/feeds/roles/ceo").then().statusCode(400).body("errors[0].field", equalTo("role"));
        anonymous().get("/api/v1/calendar/feeds/roles/cse").then().statusCode(401);
        asIntegration().get("/api/v1/calendar/feeds/roles/cse").then().statusCode(403);
    }

    @Test
    void onlyPeopleGetFeedUrls() {
        anonymous().post("/api/v1/calendar/feeds").then().statusCode(401);
        asIntegration().post("/api/v1/calendar/feeds").then().statusCode(403);
        anonymous().delete("/api/v1/calendar/feeds").then().statusCode(401);
        asIntegration().delete("/api/v1/calendar/feeds").then().statusCode(403);
        as("marketing").post("/api/v1/calendar/feeds").then().statusCode(201);
    }

    private static String withoutStamps(String ics) {
        return ics.replaceAll("DTSTAMP:\\d{8}T\\d{6}Z\r\n", "");
    }

    /** A planned meeting of a client and the planner's new feed URL (its path). */
    private record Subscribed(String clientId, String activityId, String path) {
    }

    private static Subscribed meetingAndFeed(String clientId, String planner, int inDays, String title, String zone) {
        String day = LocalDate.now().plusDays(inDays).toString();
        String id = as(planner).body(plan(clientId, title, day, zone)).post("/api/v1/calendar/activities/planned")
                .then().statusCode(201).extract().path("id");
        String url = as(planner).post("/api/v1/calendar/feeds").then().statusCode(201).extract().path("url");
        return new Subscribed(clientId, id, url.substring("http://127.0.0.1:28185".length()));
    }

    private static String knownClient(String cse, String cam) {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), cse, cam);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/calendar/activities?clientId=" + clientId).statusCode() == 200);
        return clientId;
    }

    private static String plan(String clientId, String title, String day, String zone) {
        return """
                {"clientId": "%s", "activityType": "QBR", "title": "%s", "startsAt": "%sT10:00:00",
                 "timeZone": "%s", "durationMinutes": 60, "attendees": [], "notes": "Agenda"}""".formatted(clientId, title, day, zone);
    }
}
