package io.rhythm.planning.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Overdue Satisfaction Action Plans in {@code GET /api/v1/workflows/my-steps}, beside the workflow steps, by due date. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SapWorkListTest {

    private static final String MY_STEPS = "/api/v1/workflows/my-steps";

    @Test
    void anOverdueUpdateOrReviewIsInTheOwnersWorkListOrderedWithTheSteps() {
        // cse2's client: other tests leave cse2 (almost) no work, and this test only looks at its own client's items
        String clientId = TestClients.publishNew("SAP work " + UUID.randomUUID(), "cse2", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + clientId).statusCode() == 200);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, SapApiTest.segment(clientId, "NURTURE", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("cse2").get("/api/v1/plans/saps?clientId=" + clientId)
                .<List<?>>path("items").size() == 1);
        String sapId = as("cse2").get("/api/v1/plans/saps?clientId=" + clientId).path("items[0].id");
        as("cse2").body(SapApiTest.action(null)).post("/api/v1/plans/saps/" + sapId + "/actions").then().statusCode(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate activated = today.minusDays(40);
        LocalDate updateDue = activated.plusMonths(1);
        LocalDate reviewDue = activated.plusMonths(3);
        as("cse2").header("If-Match", "\"v0\"").post("/api/v1/plans/saps/" + sapId + "/activate?asOf=" + activated)
                .then().statusCode(200).body("nextUpdateDue", equalTo(updateDue.toString()));
        String qbr = as("cse2").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"qbr\"}")
                .post("/api/v1/workflows").then().statusCode(201).extract().path("id"); // step 1 due in 7 days

        // today: the missed monthly update (due 40 days after activation minus a month) comes before the QBR's step
        List<Map<String, Object>> mine = items("cse2", MY_STEPS + "?limit=200", clientId);
        assertThat(mine).extracting(i -> i.get("kind")).containsExactly("SAP_UPDATE", "WORKFLOW_STEP");
        assertThat(mine.get(0)).containsEntry("sapId", sapId).containsEntry("workflowId", null)
                .containsEntry("dueOn", updateDue.toString()).containsEntry("overdue", true)
                .containsEntry("daysUntilDue", (int) ChronoUnit.DAYS.between(today, updateDue))
                .containsEntry("stepName", "Monthly progress update").containsEntry("side", "INTERNAL")
                .containsEntry("assigneeRole", "cse2").containsEntry("workflowName", "Satisfaction Action Plan");
        assertThat(mine.get(1)).containsEntry("workflowId", qbr);
        // the client's CAM has it too; paging walks the same order
        assertThat(items("cam", MY_STEPS + "?limit=200", clientId)).extracting(i -> i.get("kind")).contains("SAP_UPDATE");
        assertThat(walk("cse2", clientId)).containsExactly(sapId, qbr);

        // once the quarterly review is overdue too, the review is what is due (it counts as the update), after the QBR step
        LocalDate later = reviewDue.plusDays(1);
        List<Map<String, Object>> then = items("cse2", MY_STEPS + "?limit=200&asOf=" + later, clientId);
        assertThat(then).extracting(i -> i.get("kind")).containsExactly("WORKFLOW_STEP", "SAP_REVIEW");
        assertThat(then.get(1)).containsEntry("dueOn", reviewDue.toString()).containsEntry("daysUntilDue", -1)
                .containsEntry("stepName", "Quarterly formal review");

        // only the INTERNAL side (and ALL); not other portfolios' people, not a VP who does not own it; admin sees all
        assertThat(items("cse2", MY_STEPS + "?limit=200&side=ALL", clientId)).extracting(i -> i.get("kind")).contains("SAP_UPDATE");
        as("cse2").get(MY_STEPS + "?limit=200&side=CLIENT").then().statusCode(200).body("items.sapId", not(hasItem(sapId)));
        as("cse3").get(MY_STEPS + "?limit=200").then().statusCode(200).body("items.sapId", not(hasItem(sapId)));
        as("vp").get(MY_STEPS + "?limit=200").then().statusCode(200).body("items.sapId", not(hasItem(sapId)));
        as("admin").get(MY_STEPS + "?limit=200").then().statusCode(200).body("items.sapId", hasItem(sapId));
        as("marketing").get(MY_STEPS).then().statusCode(403);

        // the update done today: nothing of the plan is due any more
        as("cse2").body("{\"kind\":\"UPDATE\",\"onDate\":\"" + today + "\",\"note\":\"Backlog 14 -> 6\"}")
                .post("/api/v1/plans/saps/" + sapId + "/progress").then().statusCode(200);
        as("cse2").get(MY_STEPS + "?limit=200").then().statusCode(200).body("items.sapId", not(hasItem(sapId)));
    }

    private static List<Map<String, Object>> items(String user, String path, String clientId) {
        List<Map<String, Object>> all = as(user).get(path).then().statusCode(200).extract().path("items");
        return all.stream().filter(i -> clientId.equals(i.get("clientId"))).toList();
    }

    /** Every page of one item: the ids of the client's items in the order the pages give them. */
    private static List<String> walk(String user, String clientId) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(user).get(MY_STEPS + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200)
                    .extract();
            List<Map<String, Object>> items = page.path("items");
            items.stream().filter(i -> clientId.equals(i.get("clientId")))
                    .forEach(i -> ids.add((String) (i.get("workflowId") != null ? i.get("workflowId") : i.get("sapId"))));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
