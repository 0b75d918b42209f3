package io.rhythm.calendar.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MyCalendarApiTest {

    @Test
    void myNext30DaysHoldMyMeetingsAndActionItemsInDateOrderButNoOtherPortfoliosMeetings() {
        String mine = BriefApiTest.knownClient();
        String theirs = TestClients.publishNew("Client " + UUID.randomUUID(), "cse2", "cam2");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/calendar/activities?clientId=" + theirs).statusCode() == 200);
        String meeting = as("cse").body(BriefApiTest.plan(mine, "2031-03-10T10:00:00")).post("/api/v1/calendar/activities/planned")
                .then().statusCode(201).extract().path("id");
        // a meeting of another CSE's client, with cse invited: row level keeps it out of cse's agenda
        String foreign = as("cse2").body(BriefApiTest.plan(theirs, "2031-03-11T10:00:00")).post("/api/v1/calendar/activities/planned")
                .then().statusCode(201).extract().path("id");
        String held = as("cse").body(BriefApiTest.plan(mine, LocalDate.now().minusDays(3) + "T10:00:00"))
                .post("/api/v1/calendar/activities/planned").then().statusCode(201).extract().path("id");
        as("cse").body("{\"heldOn\": \"" + LocalDate.now().minusDays(3) + "\", \"actionItems\": [{\"description\": \"Send the "
                        + "roadmap\", \"owner\": \"cse\", \"dueOn\": \"2031-03-12\"}, {\"description\": \"Book the QBR room\", "
                        + "\"owner\": \"cam\", \"dueOn\": \"2031-03-05\"}]}")
                .post("/api/v1/calendar/activities/" + held + "/hold").then().statusCode(200);

        JsonPath agenda = as("cse").get("/api/v1/calendar/me?asOf=2031-03-01&days=30").then().statusCode(200).extract().jsonPath();
        assertThat(agenda.getString("username")).isEqualTo("cse");
        assertThat(agenda.getString("until")).isEqualTo("2031-03-30");
        List<Map<String, Object>> items = agenda.getList("items");
        List<String> dates = items.stream().map(i -> (String) i.get("date")).toList();
        assertThat(dates).isSorted();
        Map<String, Object> planned = find(items, meeting);
        assertThat(planned.get("kind")).isEqualTo("ACTIVITY");
        assertThat(planned.get("date")).isEqualTo("2031-03-10");
        assertThat(planned.get("startsAt")).isEqualTo("2031-03-10T10:00:00");
        assertThat(planned.get("clientId")).isEqualTo(mine);
        assertThat(items).noneMatch(i -> foreign.equals(i.get("id")));
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("kind")).isEqualTo("ACTION_ITEM");
            assertThat(i.get("title")).isEqualTo("Send the roadmap");
            assertThat(i.get("date")).isEqualTo("2031-03-12");
            assertThat(i.get("parentId")).isEqualTo(held);
        });
        assertThat(items).noneMatch(i -> "Book the QBR room".equals(i.get("title")));
        // the CAM owns the other item; cse2 sees their own meeting and not cse's
        assertThat(as("cam").get("/api/v1/calendar/me?asOf=2031-03-01&days=30").then().statusCode(200).extract()
                .jsonPath().getList("items.title")).contains("Book the QBR room");
        List<String> theirIds = as("cse2").get("/api/v1/calendar/me?asOf=2031-03-01&days=30").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(theirIds).contains(foreign).doesNotContain(meeting);
        // a shorter window leaves the 10 March meeting out
        assertThat(as("cse").get("/api/v1/calendar/me?asOf=2031-03-01&days=9").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).doesNotContain(meeting);
    }

    @Test
    void myRhythmEventsMilestonesAndDeliverablesFollowMyRoles() {
        JsonPath cse = as("cse").get("/api/v1/calendar/me?asOf=2026-06-01&days=30").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = cse.getList("items");
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("kind")).isEqualTo("EVENT");
            assertThat(i.get("title")).isEqualTo("2H Account Plan Review");
            assertThat(i.get("date")).isEqualTo("2026-06-04");
        });
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("kind")).isEqualTo("MILESTONE");
            assertThat(i.get("title")).isEqualTo("Segmentation Model Review: Finalised segmentation");
            assertThat(i.get("date")).isEqualTo("2026-06-12");
        });
        // an event already under way shows from the first day of the window
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("title")).isEqualTo("Segmentation Model Review");
            assertThat(i.get("date")).isEqualTo("2026-06-01");
            assertThat(i.get("endsOn")).isEqualTo("2026-06-12");
        });
        // the 2H review's deliverables are due on its day, owned by the roles taking part
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("kind")).isEqualTo("DELIVERABLE");
            assertThat(i.get("date")).isEqualTo("2026-06-04");
            assertThat(i.get("overdue")).isEqualTo(false);
        });
        assertThat(cse.getList("items.date", String.class)).isSorted();
        // marketing takes no part in the segmentation review
        assertThat(as("marketing").get("/api/v1/calendar/me?asOf=2026-06-01&days=30").then().statusCode(200).extract()
                .jsonPath().getList("items.title")).doesNotContain("Segmentation Model Review",
                "Segmentation Model Review: Finalised segmentation");
    }

    @Test
    void badParametersAndCallers() {
        as("cse").get("/api/v1/calendar/me?days=0").then().statusCode(400).body("errors[0].field", equalTo("days"));
        as("cse").get("/api/v1/calendar/me?days=367").then().statusCode(400).body("errors[0].field", equalTo("days"));
        as("cse").get("/api/v1/calendar/me?days=ten").then().statusCode(400);
        as("cse").get("/api/v1/calendar/me?asOf=01-06-2026").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("cse").get("/api/v1/calendar/me").then().statusCode(200);
        anonymous().get("/api/v1/calendar/me").then().statusCode(401);
        asIntegration().get("/api/v1/calendar/me").then().statusCode(403);
    }

    private static Map<String, Object> find(List<Map<String, Object>> items, String id) {
        return items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no item " + id));
    }
}
