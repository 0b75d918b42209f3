package io.rhythm.calendar.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CalendarDraftApiTest {

    @Test
    void aVpRollsTheRhythmInto2027AdjustsTheDraftAndPublishesIt() {
        anonymous().post("/api/v1/calendar/drafts?year=2027").then().statusCode(401);
        as("cse").post("/api/v1/calendar/drafts?year=2027").then().statusCode(403);
        as("avp").post("/api/v1/calendar/drafts?year=2027").then().statusCode(403);
        asIntegration().post("/api/v1/calendar/drafts?year=2027").then().statusCode(403);
        as("vp").post("/api/v1/calendar/drafts?year=2026").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("vp").post("/api/v1/calendar/drafts").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("vp").post("/api/v1/calendar/drafts?year=2027&region=XX").then().statusCode(400).body("errors[0].field", equalTo("region"));

        Response created = as("vp").post("/api/v1/calendar/drafts?year=2027");
        created.then().statusCode(201).body("status", equalTo("DRAFT")).body("calendarKey", equalTo("APAC-2027"))
                .body("calendar.events.size()", equalTo(23))
                .body("calendar.events.find { it.code == 'nps-initiatives-update-q4' }.startsOn", equalTo("2027-10-05"))
                .body("calendar.events.find { it.code == 'nps-q2-survey' }.milestones.startsOn",
                        contains("2027-03-24", "2027-04-07", "2027-04-12", "2027-04-13", "2027-04-19", "2027-04-21"))
                .body("adjustments.reason", hasItem("Labour Day (AU-NSW): moved to the next working day"));
        String id = created.path("id");
        String etag = created.header("ETag");
        as("vp").post("/api/v1/calendar/drafts?year=2027").then().statusCode(409);
        as("avp").get("/api/v1/calendar/drafts/" + id).then().statusCode(200).header("ETag", etag);
        as("cse").get("/api/v1/calendar/drafts/" + id).then().statusCode(403);

        String url = "/api/v1/calendar/drafts/" + id + "/events/sales-target-workshop";
        String move = "{\"startsOn\": \"2027-01-12\", \"endsOn\": \"2027-01-12\"}";
        as("vp").body(move).put(url).then().statusCode(428);
        as("vp").header("If-Match", "\"v99\"").body(move).put(url).then().statusCode(412);
        as("vp").header("If-Match", etag).body("{\"startsOn\": \"2027-01-12\", \"endsOn\": \"2027-01-11\"}").put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        as("vp").header("If-Match", etag).body("{\"startsOn\": \"2027-01-12\"}").put(url).then().statusCode(400);
        as("vp").header("If-Match", etag).body(move).put("/api/v1/calendar/drafts/" + id + "/events/no-such-event").then().statusCode(404);
        as("cse").header("If-Match", etag).body(move).put(url).then().statusCode(403);
        String moved = as("vp").header("If-Match", etag).body(move).put(url).then().statusCode(200)
                .body("calendar.events.find { it.code == 'sales-target-workshop' }.startsOn", equalTo("2027-01-12"))
                .extract().header("ETag");

        String milestone = url + "/milestones/survey-opens";
        String survey = "/api/v1/calendar/drafts/" + id + "/events/nps-q2-survey/milestones/";
        String reminderDay = "{\"startsOn\": \"2027-04-15\", \"endsOn\": \"2027-04-15\"}";
        as("vp").body(reminderDay).put(survey + "reminder-email").then().statusCode(428);
        as("vp").header("If-Match", etag).body(reminderDay).put(survey + "reminder-email").then().statusCode(412);
        as("cse").header("If-Match", moved).body(reminderDay).put(survey + "reminder-email").then().statusCode(403);
        as("avp").header("If-Match", moved).body(reminderDay).put(survey + "reminder-email").then().statusCode(403);
        asIntegration().header("If-Match", moved).body(reminderDay).put(survey + "reminder-email").then().statusCode(403);
        anonymous().header("If-Match", moved).body(reminderDay).put(survey + "reminder-email").then().statusCode(401);
        as("vp").header("If-Match", moved).body(reminderDay).put(milestone).then().statusCode(404);
        as("vp").header("If-Match", moved).body(reminderDay).put(survey + "no-such-milestone").then().statusCode(404);
        as("vp").header("If-Match", moved).body("{\"startsOn\": \"2029-04-15\", \"endsOn\": \"2029-04-15\"}")
                .put(survey + "reminder-email").then().statusCode(400).body("errors[0].field", equalTo("startsOn"));
        as("vp").header("If-Match", moved).body("{\"startsOn\": \"2027-04-15\", \"endsOn\": \"2027-04-14\"}")
                .put(survey + "reminder-email").then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        moved = as("vp").header("If-Match", moved).body(reminderDay).put(survey + "reminder-email").then().statusCode(200)
                .body("calendar.events.find { it.code == 'nps-q2-survey' }.milestones.startsOn",
                        contains("2027-03-24", "2027-04-07", "2027-04-12", "2027-04-15", "2027-04-19", "2027-04-21"))
                .body("calendar.events.find { it.code == 'nps-q2-survey' }.startsOn", equalTo("2027-04-07"))
                .extract().header("ETag");

        as("cse").post("/api/v1/calendar/drafts/" + id + "/publish").then().statusCode(403);
        as("vp").header("If-Match", etag).post("/api/v1/calendar/drafts/" + id + "/publish").then().statusCode(412);
        as("vp").header("If-Match", moved).post("/api/v1/calendar/drafts/" + id + "/publish").then().statusCode(200)
                .body("draft.status", equalTo("PUBLISHED")).body("imported.outcome", equalTo("CREATED"))
                .body("imported.events", equalTo(23));
        as("vp").post("/api/v1/calendar/drafts/" + id + "/publish").then().statusCode(409);
        as("vp").header("If-Match", "\"v2\"").body(move).put(url).then().statusCode(409);
        as("cse").get("/api/v1/calendar/events?type=WORKSHOP&from=2027-01-01&to=2027-01-31").then().statusCode(200)
                .body("items.title", contains("Sales Target Workshop")).body("items[0].startsOn", equalTo("2027-01-12"))
                .body("items[0].calendarKey", equalTo("APAC-2027"));
        as("cse").get("/api/v1/calendar/events?type=NPS_CYCLE&from=2027-04-01&to=2027-04-30").then().statusCode(200)
                .body("items.find { it.code == 'nps-q2-survey' }.milestones.find { it.title == 'Reminder email sent' }.startsOn",
                        equalTo("2027-04-15"));
        as("vp").header("If-Match", "\"v3\"").body(reminderDay).put(survey + "reminder-email").then().statusCode(409);
        as("vp").header("If-Match", "\"v3\"").post("/api/v1/calendar/drafts/" + id + "/discard").then().statusCode(409);
        as("vp").get("/api/v1/calendar/drafts/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void aDiscardedDraftCannotChangeAndMakesRoomForANewOne() {
        Response created = as("admin").post("/api/v1/calendar/drafts?year=2028");
        created.then().statusCode(201).body("status", equalTo("DRAFT"));
        String id = created.path("id");
        String etag = created.header("ETag");
        String discard = "/api/v1/calendar/drafts/" + id + "/discard";
        anonymous().header("If-Match", etag).post(discard).then().statusCode(401);
        for (String denied : new String[] {"cse", "cam", "avp", "evp", "marketing"}) {
            as(denied).header("If-Match", etag).post(discard).then().statusCode(403);
        }
        asIntegration().header("If-Match", etag).post(discard).then().statusCode(403);
        as("vp").post(discard).then().statusCode(428);
        as("vp").header("If-Match", "\"v99\"").post(discard).then().statusCode(412);
        as("vp").header("If-Match", etag).post("/api/v1/calendar/drafts/00000000-0000-0000-0000-000000000000/discard")
                .then().statusCode(404);

        String discarded = as("vp").header("If-Match", etag).post(discard).then().statusCode(200)
                .body("status", equalTo("DISCARDED")).extract().header("ETag");
        as("avp").get("/api/v1/calendar/drafts/" + id).then().statusCode(200).body("status", equalTo("DISCARDED"))
                .header("ETag", discarded);
        as("vp").header("If-Match", discarded).post(discard).then().statusCode(409);
        as("vp").header("If-Match", discarded).post("/api/v1/calendar/drafts/" + id + "/publish").then().statusCode(409);
        as("vp").header("If-Match", discarded).body("{\"startsOn\": \"2028-01-12\", \"endsOn\": \"2028-01-12\"}")
                .put("/api/v1/calendar/drafts/" + id + "/events/sales-target-workshop").then().statusCode(409);
        as("cse").get("/api/v1/calendar/events?from=2028-01-01&to=2028-12-31").then().statusCode(200)
                .body("items.calendarKey", not(hasItem("APAC-2028")));

        Response again = as("vp").post("/api/v1/calendar/drafts?year=2028");
        again.then().statusCode(201).body("status", equalTo("DRAFT"));
        String againEtag = again.header("ETag");
        as("admin").header("If-Match", againEtag).post("/api/v1/calendar/drafts/" + again.path("id") + "/discard")
                .then().statusCode(200).body("status", equalTo("DISCARDED"));
    }
}
