package io.rhythm.calendar.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CalendarEventsApiTest {

    /** Seed 000's Annual Calendar, transcribed by hand: title, type, first day, last day. */
    private static final String[][] SEED_EVENTS = {
            {"Sales Target Workshop", "WORKSHOP", "2026-01-12", "2026-01-12"},
            {"CS & MarCom Audit & Review (Q4 2025)", "AUDIT_REVIEW", "2026-01-19", "2026-01-23"},
            {"APAC Compass / Annual Account Planning", "ACCOUNT_PLANNING", "2026-01-21", "2026-01-23"},
            {"Q1 Account Plan Update", "PLAN_UPDATE", "2026-03-02", "2026-03-06"},
            {"NPS Q2 Recipient List Preparation", "NPS_RECIPIENT_LIST", "2026-03-25", "2026-03-25"},
            {"NPS Q2 Survey", "NPS_CYCLE", "2026-04-08", "2026-04-22"},
            {"NPS Initiatives Update (Q2)", "NPS_INITIATIVES_UPDATE", "2026-04-08", "2026-04-08"},
            {"CS & MarCom Audit & Review (Q1)", "AUDIT_REVIEW", "2026-04-13", "2026-04-17"},
            {"NPS Q2 Analysis Workshop & Leadership Review", "NPS_ANALYSIS", "2026-04-27", "2026-05-01"},
            {"Segmentation Model Review", "SEGMENTATION_REVIEW", "2026-05-18", "2026-06-12"},
            {"2H Account Plan Review", "PLAN_UPDATE", "2026-06-04", "2026-06-04"},
            {"NPS Initiatives Update (Q3)", "NPS_INITIATIVES_UPDATE", "2026-07-02", "2026-07-02"},
            {"CS & MarCom Audit & Review (Q2)", "AUDIT_REVIEW", "2026-07-13", "2026-07-17"},
            {"2027 MarCom Kickoff", "KICKOFF", "2026-07-20", "2026-07-20"},
            {"NPS Q4 Recipient List Preparation", "NPS_RECIPIENT_LIST", "2026-09-30", "2026-09-30"},
            {"NPS Initiatives Update (Q4)", "NPS_INITIATIVES_UPDATE", "2026-10-05", "2026-10-05"},
            {"NPS Q4 Survey", "NPS_CYCLE", "2026-10-07", "2026-10-21"},
            {"Q4 Account Plan Update", "PLAN_UPDATE", "2026-10-08", "2026-10-08"},
            {"NPS Q4 Analysis Workshop", "NPS_ANALYSIS", "2026-10-26", "2026-10-30"},
            {"NPS Q4 Analysis & Client Letters", "NPS_CLIENT_COMMUNICATIONS", "2026-11-23", "2026-11-25"},
            {"NPS Initiatives Update (Year-End)", "YEAR_END_REVIEW", "2026-12-16", "2026-12-16"},
            {"Segmentation Actions (year-round engagement cadence)", "ONGOING", "2026-01-01", "2026-12-31"},
    };

    /** Key milestones with their own dates: event title, milestone title, first day, last day. */
    private static final String[][] SEED_MILESTONES = {
            {"NPS Q2 Survey", "Recipient list", "2026-03-25", "2026-03-25"},
            {"NPS Q2 Survey", "Survey opens", "2026-04-08", "2026-04-08"},
            {"NPS Q2 Survey", "First non-responder pull", "2026-04-13", "2026-04-13"},
            {"NPS Q2 Survey", "Reminder email sent", "2026-04-14", "2026-04-14"},
            {"NPS Q2 Survey", "Final non-responder pull", "2026-04-20", "2026-04-20"},
            {"NPS Q2 Survey", "Survey closes", "2026-04-22", "2026-04-22"},
            {"NPS Q2 Analysis Workshop & Leadership Review", "Cross-functional analysis workshop", "2026-04-27", "2026-05-01"},
            {"NPS Q2 Analysis Workshop & Leadership Review", "BU talking points finalised", "2026-05-13", "2026-05-13"},
            {"NPS Q2 Analysis Workshop & Leadership Review", "EVP approval of client communications", "2026-05-21", "2026-05-21"},
            {"NPS Q2 Analysis Workshop & Leadership Review", "Client letters sent", "2026-05-26", "2026-05-30"},
            {"Segmentation Model Review", "Begin review", "2026-05-18", "2026-06-03"},
            {"Segmentation Model Review", "Finalised segmentation", "2026-06-12", "2026-06-12"},
            {"NPS Q4 Survey", "Recipient list", "2026-09-30", "2026-09-30"},
            {"NPS Q4 Survey", "Survey opens", "2026-10-07", "2026-10-07"},
            {"NPS Q4 Survey", "First non-responder pull", "2026-10-13", "2026-10-13"},
            {"NPS Q4 Survey", "Reminder email sent", "2026-10-14", "2026-10-14"},
            {"NPS Q4 Survey", "Final non-responder pull", "2026-10-20", "2026-10-20"},
            {"NPS Q4 Survey", "Survey closes", "2026-10-21", "2026-10-21"},
            {"NPS Q4 Survey", "Analysis workshop", "2026-10-26", "2026-10-30"},
            {"NPS Q4 Analysis & Client Letters", "Score & themes", "2026-11-02", "2026-11-02"},
            {"NPS Q4 Analysis & Client Letters", "BU talking points", "2026-11-11", "2026-11-11"},
            {"NPS Q4 Analysis & Client Letters", "EVP approval", "2026-11-19", "2026-11-19"},
            {"NPS Q4 Analysis & Client Letters", "Send client letters", "2026-11-23", "2026-11-25"},
    };

    @Test
    void theSeededCalendarHasEveryEventOfTheSeedWithItsDates() {
        List<Map<String, Object>> events = allEvents("cse", "?from=2026-01-01&to=2026-12-31&limit=7");
        List<Map<String, Object>> seed = events.stream().filter(e -> "APAC-2026".equals(e.get("calendarKey"))).toList();
        assertThat(seed).hasSize(SEED_EVENTS.length);
        for (String[] expected : SEED_EVENTS) {
            Map<String, Object> event = seed.stream().filter(e -> expected[0].equals(e.get("title"))).findFirst()
                    .orElseThrow(() -> new AssertionError("missing " + expected[0]));
            assertThat(List.of(event.get("type"), event.get("startsOn"), event.get("endsOn")))
                    .as(expected[0]).containsExactly(expected[1], expected[2], expected[3]);
        }
        for (String[] expected : SEED_MILESTONES) {
            Map<String, Object> event = seed.stream().filter(e -> expected[0].equals(e.get("title"))).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> milestones = (List<Map<String, Object>>) event.get("milestones");
            assertThat(milestones).as(expected[0] + " / " + expected[1])
                    .anySatisfy(m -> assertThat(List.of(m.get("title"), m.get("startsOn"), m.get("endsOn")))
                            .containsExactly(expected[1], expected[2], expected[3]));
        }
    }

    @Test
    void anEventCarriesTheSeedsContent() {
        JsonPath compass = as("avp").get("/api/v1/calendar/events?from=2026-01-21&to=2026-01-21&type=ACCOUNT_PLANNING")
                .then().statusCode(200).extract().jsonPath();
        assertThat(compass.getList("items.title")).containsExactly("APAC Compass / Annual Account Planning");
        assertThat(compass.getList("items[0].participants")).containsExactly("EVP", "VP_COMMOPS", "AVP_CS", "CSE", "CAM");
        assertThat(compass.getList("items[0].realmRoles")).containsExactly("avp", "cam", "cse", "evp", "vp");
        assertThat(compass.getList("items[0].deliverables")).hasSize(5).contains("Risk register with mitigation plans");
        assertThat(compass.getList("items[0].preparation")).contains("Review segmentation assignments");
        assertThat(compass.getList("items[0].tools.name")).contains("Client Segmentation Activity Register");
        String id = compass.getString("items[0].id");
        as("cse").get("/api/v1/calendar/events/" + id).then().statusCode(200)
                .body("objective", equalTo("Develop and present Client Success and Sales plans. "
                        + "Build shared confidence in the region's ability to achieve targets."));
    }

    @Test
    void filtersByTypeRoleAndPeriod() {
        List<Map<String, Object>> cse = allEvents("vp", "?from=2026-01-01&to=2026-12-31&role=cse");
        assertThat(cse).extracting(e -> e.get("title")).contains("NPS Q2 Recipient List Preparation", "Segmentation Model Review")
                .doesNotContain("Sales Target Workshop", "2027 MarCom Kickoff");
        List<Map<String, Object>> svp = allEvents("vp", "?role=SVP_CS_MARKETING");
        assertThat(svp).extracting(e -> e.get("title")).contains("2027 MarCom Kickoff", "CS & MarCom Audit & Review (Q1)")
                .doesNotContain("Sales Target Workshop");
        as("cse").get("/api/v1/calendar/events?type=NPS_CYCLE&from=2026-04-01&to=2026-06-30").then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.contains("NPS Q2 Survey"));
        // an event overlapping the period is in it: the Segmentation Model Review runs 18 May - 12 June
        as("cse").get("/api/v1/calendar/events?type=SEGMENTATION_REVIEW&from=2026-06-10&to=2026-06-10").then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.contains("Segmentation Model Review"));
        as("cse").get("/api/v1/calendar/events?type=SEGMENTATION_REVIEW&from=2026-06-13&to=2026-12-31").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void badQueryParametersAre400sNamingTheParameter() {
        as("cse").get("/api/v1/calendar/events?from=12/01/2026").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as("cse").get("/api/v1/calendar/events?from=2026-05-01&to=2026-04-01").then().statusCode(400).body("errors[0].field", equalTo("to"));
        as("cse").get("/api/v1/calendar/events?type=PARTY").then().statusCode(400).body("errors[0].field", equalTo("type"));
        as("cse").get("/api/v1/calendar/events?role=ceo").then().statusCode(400).body("errors[0].field", equalTo("role"));
        as("cse").get("/api/v1/calendar/events?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as("cse").get("/api/v1/calendar/events?cursor=nope").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        as("cse").get("/api/v1/calendar/events/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void everyPersonReadsTheCalendarButNotAnonymousOrTheIntegrationClient() {
        for (String user : List.of("cse", "cam", "avp", "vp", "evp", "marketing", "admin")) {
            as(user).get("/api/v1/calendar/events?limit=1").then().statusCode(200).body("items[0].id", notNullValue());
        }
        anonymous().get("/api/v1/calendar/events").then().statusCode(401);
        asIntegration().get("/api/v1/calendar/events").then().statusCode(403);
        anonymous().get("/api/v1/calendar/events/" + UUID.randomUUID()).then().statusCode(401);
        asIntegration().get("/api/v1/calendar/events/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void aVpImportsACalendarAndAHigherVersionUpdatesItsEvents() {
        String key = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
        as("vp").body(calendar(key, 1, "2027-01-11", "2027-01-11")).post("/api/v1/calendar/imports").then().statusCode(201)
                .body("outcome", equalTo("CREATED")).body("events", equalTo(1)).body("milestones", equalTo(1));
        as("vp").body(calendar(key, 1, "2027-01-11", "2027-01-11")).post("/api/v1/calendar/imports").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED"));
        as("vp").body(calendar(key, 1, "2027-01-12", "2027-01-12")).post("/api/v1/calendar/imports").then().statusCode(409);
        as("admin").body(calendar(key, 2, "2027-01-12", "2027-01-13")).post("/api/v1/calendar/imports").then().statusCode(200)
                .body("outcome", equalTo("UPDATED")).body("eventsChanged", equalTo(1));
        List<Map<String, Object>> events = allEvents("cse", "?from=2027-01-01&to=2027-01-31&type=WORKSHOP").stream()
                .filter(e -> key.equals(e.get("calendarKey"))).toList();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("startsOn")).isEqualTo("2027-01-12");
            assertThat(e.get("endsOn")).isEqualTo("2027-01-13");
            assertThat(e.get("sequence")).isEqualTo(1);
        });
    }

    @Test
    void anInvalidCalendarIsA400WithFieldErrorsAndNothingIsStored() {
        String key = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
        as("vp").body(calendar(key, 1, "2027-02-11", "2027-02-10")).post("/api/v1/calendar/imports").then().statusCode(400)
                .body("errors.field", hasItem("events[0].endsOn"));
        as("vp").body(calendar(key, 1, "2027-02-11", "2027-02-11").replace("\"WORKSHOP\"", "\"PARTY\""))
                .post("/api/v1/calendar/imports").then().statusCode(400);
        as("vp").body(calendar(key, 1, "2027-02-11", "2027-02-11").replace("\"EVP\"", "\"CEO\""))
                .post("/api/v1/calendar/imports").then().statusCode(400);
        as("vp").body(calendar(key, 1, "2027-02-11", "2027-02-11").replace("\"region\"", "\"colour\": \"red\", \"region\""))
                .post("/api/v1/calendar/imports").then().statusCode(400);
        as("vp").body(calendar(key, 1, "2027-02-11", "2027-02-11").replace("\"Australia/Sydney\"", "\"Mars/Olympus\""))
                .post("/api/v1/calendar/imports").then().statusCode(400).body("errors.field", hasItem("timeZone"));
        as("vp").body(calendar(key, 1, "2027-02-11", "2027-02-11").replace("\"title\": \"Kick-off\"", "\"title\": \"" + "x".repeat(201) + "\""))
                .post("/api/v1/calendar/imports").then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("title")));
        assertThat(allEvents("cse", "?from=2027-02-01&to=2027-02-28")).noneMatch(e -> key.equals(e.get("calendarKey")));
    }

    @Test
    void onlyVpsAndAdminsImportCalendars() {
        String body = calendar("TEST-" + UUID.randomUUID().toString().substring(0, 8), 1, "2027-03-01", "2027-03-01");
        anonymous().body(body).post("/api/v1/calendar/imports").then().statusCode(401);
        for (String user : List.of("cse", "avp", "evp", "marketing")) {
            as(user).body(body).post("/api/v1/calendar/imports").then().statusCode(403);
        }
        asIntegration().body(body).post("/api/v1/calendar/imports").then().statusCode(403);
    }

    private static List<Map<String, Object>> allEvents(String user, String query) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = as(user).get("/api/v1/calendar/events" + query + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static String calendar(String key, int version, String startsOn, String endsOn) {
        return """
                {"calendarKey": "%s", "version": %d, "region": "APAC", "year": 2027, "timeZone": "Australia/Sydney",
                 "source": "test",
                 "events": [{"code": "kickoff", "quarter": "Q1", "type": "WORKSHOP", "title": "Kick-off",
                   "startsOn": "%s", "endsOn": "%s", "participants": ["EVP", "CSE"], "objective": "Start the year",
                   "deliverables": ["Targets"], "preparation": [], "tools": [{"name": "Dashboard"}],
                   "milestones": [{"code": "targets", "title": "Targets agreed", "startsOn": "%s", "endsOn": "%s"}]}]}"""
                .formatted(key, version, startsOn, endsOn, startsOn, startsOn);
    }
}
