package io.rhythm.calendar.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
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
        // the feed's text is kept between reads (FeedCache); every change below must show on the very next read
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
