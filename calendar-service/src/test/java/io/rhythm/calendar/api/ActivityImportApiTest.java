package io.rhythm.calendar.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bulk import of past CRM meetings, per-client feeds and .ics import. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ActivityImportApiTest {

    @Test
    void aCrmExportIsImportedRowByRowAndAgainWithoutDuplicates() throws Exception {
        String client = BriefApiTest.knownClient();
        String theirs = TestClients.publishNew("Client " + UUID.randomUUID(), "cse2", "cam2");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/calendar/activities?clientId=" + theirs).statusCode() == 200);
        String batch = "crm-" + UUID.randomUUID();
        String body = """
                {"source": "dynamics", "rows": [
                 {"externalId": "%1$s-1", "clientId": "%2$s", "meetingType": "Quarterly Business Review", "subject": "Q3 QBR",
                  "startTime": "2026-09-14T10:00:00", "timeZone": "Australia/Sydney", "durationMinutes": 60, "organizer": "cse",
                  "attendees": "cse; Jo Citizen <jo@example.org>", "notes": "Roadmap", "outcome": "Renewal on track"},
                 {"externalId": "%1$s-2", "clientId": "%2$s", "meetingType": "health check", "subject": "Health check",
                  "startTime": "2026-10-01T14:30", "timeZone": "Pacific/Auckland"},
                 {"externalId": "%1$s-3", "clientId": "%2$s", "meetingType": "Lunch", "startTime": "yesterday", "timeZone": "Mars/Base"},
                 {"externalId": "%1$s-4", "clientId": "%3$s", "meetingType": "QBR", "startTime": "2026-09-01T10:00", "timeZone": "Asia/Singapore"},
                 {"externalId": "%1$s-5", "clientId": "%2$s", "meetingType": "QBR", "startTime": "2099-01-01T10:00", "timeZone": "Asia/Singapore"},
                 {"clientId": "%2$s", "meetingType": "QBR", "startTime": "2026-09-01T10:00", "timeZone": "Asia/Singapore"},
                 {"externalId": "%1$s-1", "clientId": "%2$s", "meetingType": "QBR", "startTime": "2026-09-14T10:00", "timeZone": "Australia/Sydney"}
                ]}""".formatted(batch, client, theirs);
        try (TopicProbe activities = TopicProbe.watch(Topics.CALENDAR_ACTIVITIES)) {
            JsonPath result = as("cse").body(body).post("/api/v1/calendar/activities/imports").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(result.getInt("created")).isEqualTo(2);
            assertThat(result.getInt("duplicates")).isEqualTo(1);
            assertThat(result.getInt("rejected")).isEqualTo(4);
            assertThat(result.getList("rows.status")).containsExactly("CREATED", "CREATED", "REJECTED", "REJECTED", "REJECTED",
                    "REJECTED", "DUPLICATE");
            assertThat(result.getList("rows[2].errors.field")).containsExactlyInAnyOrder("meetingType", "startTime", "timeZone");
            assertThat(result.getList("rows[3].errors.field")).containsExactly("clientId");
            assertThat(result.getString("rows[4].errors[0].message")).contains("future");
            assertThat(result.getList("rows[5].errors.field")).containsExactly("externalId");
            assertThat(result.getString("rows[6].activityId")).isEqualTo(result.getString("rows[0].activityId"));
            String qbr = result.getString("rows[0].activityId");
            as("cse").get("/api/v1/calendar/activities/" + qbr).then().statusCode(200).body("status", equalTo("HELD"))
                    .body("activityType", equalTo("QBR")).body("occurredOn", equalTo("2026-09-14"))
                    .body("startsAt", equalTo("2026-09-14T10:00:00")).body("outcomes", equalTo("Renewal on track"))
                    .body("attendees.kind", hasItem("CLIENT")).body("heldBy", equalTo("cse"));
            CloudEvent logged = TopicProbe.validated(activities.awaitRecord(r -> client.equals(r.key()) && r.value().contains(qbr),
                    Duration.ofSeconds(30)));
            assertThat(logged.type()).isEqualTo(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED.type());
            assertThat(logged.data().get("occurredOn").asText()).isEqualTo("2026-09-14");
            // the same export again: nothing new for this client, nothing published for it
            JsonPath again = asIntegration().body(body).post("/api/v1/calendar/activities/imports").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(again.getInt("created")).isEqualTo(1);
            // the integration client imports for any client: row 4 is a QBR of cse2's client, now accepted
            assertThat(again.getList("rows.status")).containsExactly("DUPLICATE", "DUPLICATE", "REJECTED", "CREATED", "REJECTED",
                    "REJECTED", "DUPLICATE");
            assertThat(activities.recordsAfter(Duration.ofSeconds(3)).stream().filter(r -> client.equals(r.key())).count())
                    .isEqualTo(2);
        }
        // one client's feed: its meetings, for those who may see the client
        String ics = as("cam").get("/api/v1/calendar/feeds/clients/" + client).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).isFalse();
        List<String> summaries = calendar.<VEvent>getComponents("VEVENT").stream()
                .map(v -> v.getSummary().getValue()).toList();
        assertThat(summaries).contains("Q3 QBR (QBR)", "Health check (HEALTH_CHECK)");
        as("cse2").get("/api/v1/calendar/feeds/clients/" + client).then().statusCode(404);
        anonymous().get("/api/v1/calendar/feeds/clients/" + client).then().statusCode(401);
        asIntegration().get("/api/v1/calendar/feeds/clients/" + client).then().statusCode(403);

        as("cse").body("{\"source\": \"dynamics\", \"rows\": []}").post("/api/v1/calendar/activities/imports").then().statusCode(400);
        as("cse").body("{\"source\": \"Dyn amics\", \"rows\": [{}]}").post("/api/v1/calendar/activities/imports").then()
                .statusCode(400);
        anonymous().body(body).post("/api/v1/calendar/activities/imports").then().statusCode(401);
        as("marketing").body(body).post("/api/v1/calendar/activities/imports").then().statusCode(403);
    }

    @Test
    void anIcsFileIsImportedEventByEventWithValidationErrors() {
        String key = "EXTERNAL-T" + UUID.randomUUID().toString().substring(0, 8);
        String ics = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Test//EN\r
                BEGIN:VEVENT\r
                UID:offsite-2027@example.org\r
                DTSTAMP:20261201T000000Z\r
                SUMMARY:Marketing offsite\r
                DESCRIPTION:Plan the 2027 campaigns\r
                DTSTART;VALUE=DATE:20270302\r
                DTEND;VALUE=DATE:20270304\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:webinar-1@example.org\r
                DTSTAMP:20261201T000000Z\r
                SUMMARY:Client webinar\r
                DTSTART:20270310T230000Z\r
                DTEND:20270311T000000Z\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:no-summary@example.org\r
                DTSTAMP:20261201T000000Z\r
                DTSTART;VALUE=DATE:20270401\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:backwards@example.org\r
                DTSTAMP:20261201T000000Z\r
                SUMMARY:Ends before it starts\r
                DTSTART;VALUE=DATE:20270410\r
                DTEND;VALUE=DATE:20270405\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:cancelled@example.org\r
                DTSTAMP:20261201T000000Z\r
                SUMMARY:Called off\r
                STATUS:CANCELLED\r
                DTSTART;VALUE=DATE:20270415\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;
        String url = "/api/v1/calendar/imports/ics?calendarKey=" + key + "&participants=CSE,MARKETING_LEAD";
        JsonPath result = as("vp").contentType("text/calendar").body(ics).post(url).then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("imported")).isEqualTo(2);
        assertThat(result.getInt("rejected")).isEqualTo(3);
        assertThat(result.getList("events.status")).containsExactly("IMPORTED", "IMPORTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(result.getList("events[2].errors.field")).containsExactly("SUMMARY");
        assertThat(result.getList("events[3].errors.field")).containsExactly("DTEND");
        assertThat(result.getList("events[4].errors.field")).containsExactly("STATUS");
        assertThat(result.getString("calendar.outcome")).isEqualTo("CREATED");
        // the webinar at 23:00 UTC on 10 March is on 11 March in Sydney; the all-day offsite's DTEND is exclusive
        JsonPath events = as("cse").get("/api/v1/calendar/events?type=EXTERNAL&from=2027-03-01&to=2027-03-31&limit=100")
                .then().statusCode(200).extract().jsonPath();
        List<String> mine = events.getList("items.findAll { it.calendarKey == '" + key + "' }.title");
        assertThat(mine).containsExactly("Marketing offsite", "Client webinar");
        assertThat(events.getString("items.find { it.calendarKey == '" + key + "' && it.title == 'Marketing offsite' }.endsOn"))
                .isEqualTo("2027-03-03");
        assertThat(events.getString("items.find { it.calendarKey == '" + key + "' && it.title == 'Client webinar' }.startsOn"))
                .isEqualTo("2027-03-11");
        // again: a new version, the same events (stable codes)
        as("vp").contentType("text/calendar").body(ics).post(url).then().statusCode(200).body("calendar.outcome", equalTo("UPDATED"));

        as("vp").contentType("text/calendar").body("not a calendar").post(url).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        as("vp").contentType("text/calendar").body(ics).post("/api/v1/calendar/imports/ics?calendarKey=APAC-2026&participants=CSE")
                .then().statusCode(400).body("errors[0].field", equalTo("calendarKey"));
        as("vp").contentType("text/calendar").body(ics).post("/api/v1/calendar/imports/ics?calendarKey=" + key + "&participants=CEO")
                .then().statusCode(400).body("errors[0].field", equalTo("participants"));
        String onlyBad = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20261201T000000Z\r\n"
                + "DTSTART;VALUE=DATE:20270401\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        as("vp").contentType("text/calendar").body(onlyBad).post(url).then().statusCode(400)
                .body("errors[0].field", equalTo("events[0].SUMMARY"));
        as("cse").contentType("text/calendar").body(ics).post(url).then().statusCode(403);
        anonymous().contentType("text/calendar").body(ics).post(url).then().statusCode(401);
    }
}
