package io.rhythm.segmentation.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.segmentation.service.Compliance;
import io.rhythm.segmentation.service.Portfolio;
import io.rhythm.segmentation.service.RegisterTally;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The current Activity Register kept as state (V10: register_segment, register_tally, kept by triggers in the writing
 * transaction) against the exact path that reads the register as it stood on a date: the same figures for the same
 * asOf, every write reflected at once, and the same row level.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CurrentRegisterApiTest {

    private static final List<String> GROUPS = List.of("cse", "segment", "activityType", "portfolio");
    /** After every date this module's tests write: the maintained register answers for it. */
    private static final LocalDate LATER = LocalDate.of(2099, 1, 1);

    @Inject
    Compliance compliance;
    @Inject
    RegisterTally tally;

    private String owner;
    private String maintain;
    private String giants;

    /** Two clients of cse (CAM: a name unique to this test), overridden from 1 January 2026, with held activities. */
    @BeforeEach
    void portfolio() {
        owner = "cam-" + UUID.randomUUID();
        maintain = Events.client("Current Maintain " + UUID.randomUUID(), "cse", owner, "2100000.00");
        giants = Events.client("Current Giants " + UUID.randomUUID(), "cse", owner, "7900000.00");
        as("avp").body(Events.override(maintain, "MAINTAIN", "Current register test", "2026-01-01", null))
                .post("/api/v1/segments/assignments").then().statusCode(201);
        as("avp").body(Events.override(giants, "GIANTS", "Current register test", "2026-01-01", null))
                .post("/api/v1/segments/assignments").then().statusCode(201);
        Events.activity(maintain, "MEETING", LocalDate.of(2026, 6, 20));
        Events.activity(maintain, "QBR", LocalDate.of(2026, 3, 15));
        Events.activity(maintain, "MEETING", LocalDate.of(2026, 7, 5));
        Events.activity(giants, "MEETING", LocalDate.of(2026, 4, 10));
        Events.activity(giants, "QBR", LocalDate.of(2026, 6, 1));
        Events.activity(giants, "EXECUTIVE_BRIEFING", LocalDate.of(2026, 2, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> held(maintain).equals(List.of("PARTNERSHIP_MEETING:2026-07-05", "QBR:2026-03-15"))
                && held(giants).equals(List.of("PARTNERSHIP_MEETING:2026-04-10", "QBR:2026-06-01", "EXECUTIVE_ENGAGEMENT:2026-02-01")));
    }

    @Test
    void theMaintainedRegisterAndTheRegisterOnADateGiveTheSameFigures() {
        Portfolio.Filter mine = ownedBy(owner);
        // after the last write of these clients (5 July) the maintained register holds their register on that date
        for (LocalDate asOf : List.of(LocalDate.of(2026, 7, 5), LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 21),
                LocalDate.of(2026, 8, 5), LocalDate.of(2026, 12, 31), LocalDate.now(ZoneOffset.UTC), LATER)) {
            for (String group : GROUPS) {
                assertThat(rollUp(asOf, group, mine, true)).as("%s by %s", asOf, group).isEqualTo(rollUp(asOf, group, mine, false));
            }
        }
        // and so after folding its deltas
        tally.compact();
        for (String group : GROUPS) {
            assertThat(rollUp(LocalDate.of(2026, 7, 21), group, mine, true)).isEqualTo(rollUp(LocalDate.of(2026, 7, 21), group, mine, false));
        }
        // 21 July, hand-computed: Maintain partnership (Monthly) held 5 Jul → due 5 Aug DUE_SOON (from 22 Jul: still
        // COMPLIANT on 21 Jul), service review → 1 Feb OVERDUE, health check → 1 Apr OVERDUE, QBR 15 Mar → 15 Jun
        // OVERDUE, executive NOT_REQUIRED; Giants partnership (Quarterly) 10 Apr → 10 Jul OVERDUE, service review → 1 Apr
        // OVERDUE, health check (Bi-annual) → 1 Jul OVERDUE, QBR 1 Jun → 1 Sep COMPLIANT, executive 1 Feb → 1 May OVERDUE
        var totals = rollUp(LocalDate.of(2026, 7, 21), "portfolio", mine, true).totals();
        assertThat(List.of(totals.clients(), totals.compliant(), totals.dueSoon(), totals.overdue(), totals.notRequired()))
                .containsExactly(2, 2, 0, 7, 1);
        // before the 5 July meeting the maintained register is not the register of that date: the exact path answers
        assertThat(compliance.currentAnswers(LocalDate.of(2026, 7, 4))).isFalse();
        as("avp").queryParam("asOf", "2026-06-30").queryParam("owner", owner).queryParam("groupBy", "portfolio")
                .get("/api/v1/activity-register/compliance").then().statusCode(200)
                .body("totals.compliant", org.hamcrest.Matchers.equalTo(2)).body("totals.overdue", org.hamcrest.Matchers.equalTo(5));
    }

    @Test
    void aHeldActivityAMigrationAnOverrideAndANewOwnerChangeTheMaintainedFiguresAtOnce() {
        LocalDate asOf = LocalDate.now(ZoneOffset.UTC);
        Portfolio.Filter mine = ownedBy(owner);
        // Maintain's partnership meeting (Monthly), last held 5 July: overdue today
        assertThat(count(asOf, mine, "PARTNERSHIP_MEETING", "overdue")).isEqualTo(2);

        // a held activity: the moment the register has it (the exact path sees it), the maintained figures have it too
        Events.activity(maintain, "MEETING", asOf.minusDays(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(asOf, mine, "PARTNERSHIP_MEETING", "overdue", false) == 1);
        assertThat(count(asOf, mine, "PARTNERSHIP_MEETING", "overdue")).isEqualTo(1);
        assertThat(count(asOf, mine, "PARTNERSHIP_MEETING", "compliant")).isEqualTo(1);

        // an override (a migration record written by the request): Maintain → Nurture from today, executive engagement
        // becomes Quarterly (was as needed), and every item counts from today
        as("avp").body(Events.override(maintain, "NURTURE", "Current register test", asOf.toString(), null))
                .post("/api/v1/segments/assignments").then().statusCode(201);
        assertThat(count(asOf, mine, "EXECUTIVE_ENGAGEMENT", "notRequired")).isZero();
        assertThat(rollUp(asOf, "segment", mine, true).groups()).extracting(ComplianceView.Group::key).containsExactly("GIANTS", "NURTURE");
        assertThat(rollUp(asOf, "segment", mine, true)).isEqualTo(rollUp(asOf, "segment", mine, false));

        // a live migration: a new client's first health score places it (Giants), its five items appear with it
        String live = Events.client("Current live " + UUID.randomUUID(), "cse", owner, "2000000.00");
        assertThat(rollUp(asOf, "portfolio", mine, true).totals().clients()).isEqualTo(3); // listed, not yet placed
        assertThat(rollUp(asOf, "portfolio", mine, true).totals().required()).isEqualTo(10);
        Events.health(live, 90, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "GIANTS".equals(
                as("avp").get("/api/v1/segments/clients/" + live).jsonPath().getString("segment")));
        assertThat(rollUp(asOf, "portfolio", mine, true).totals().required()).isEqualTo(15);
        for (String group : GROUPS) {
            assertThat(rollUp(asOf, group, mine, true)).isEqualTo(rollUp(asOf, group, mine, false));
        }

        // a new CAM (ClientUpserted): the client's items leave the old owner's register and join the new one's
        String next = "cam-" + UUID.randomUUID();
        Events.client(giants, "Current Giants moved", "cse", next, "7900000.00", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> rollUp(asOf, "portfolio", ownedBy(next), true).totals().required() == 5);
        assertThat(rollUp(asOf, "portfolio", mine, true).totals().required()).isEqualTo(10);
        assertThat(rollUp(asOf, "cse", ownedBy(next), true)).isEqualTo(rollUp(asOf, "cse", ownedBy(next), false));
    }

    @Test
    void rowLevelHoldsOnTheMaintainedRegister() {
        assertThat(compliance.currentAnswers(LATER)).isTrue();
        // cse owns both clients: its roll-up with the owner filter has them; cse2's has none of them, aggregates included
        JsonPath own = as("cse").queryParam("asOf", LATER.toString()).queryParam("owner", owner).queryParam("groupBy", "segment")
                .get("/api/v1/activity-register/compliance").then().statusCode(200).extract().jsonPath();
        assertThat(own.getInt("totals.clients")).isEqualTo(2);
        assertThat(own.getInt("totals.required")).isEqualTo(9);
        assertThat(own.getList("groups.key")).containsExactly("GIANTS", "MAINTAIN");
        for (String group : GROUPS) {
            JsonPath other = as("cse2").queryParam("asOf", LATER.toString()).queryParam("owner", owner).queryParam("groupBy", group)
                    .get("/api/v1/activity-register/compliance").then().statusCode(200).extract().jsonPath();
            assertThat(other.getInt("totals.clients")).isZero();
            assertThat(other.getInt("totals.required")).isZero();
            assertThat(other.getList("groups")).isEmpty();
        }
        // a CSE's whole portfolio read the maintained way equals the exact path over the same clients (theirs only)
        Portfolio.Filter cse = new Portfolio.Filter(" and (owner_cse = ? or owner_cam = ?)", List.of("cse", "cse"));
        for (String group : GROUPS) {
            Map<String, Object> answered = as("cse").queryParam("asOf", LATER.toString()).queryParam("groupBy", group)
                    .get("/api/v1/activity-register/compliance").then().statusCode(200).extract().jsonPath().getMap("totals");
            var exact = rollUp(LATER, group, cse, false).totals();
            assertThat(answered.get("clients")).isEqualTo(exact.clients());
            assertThat(answered.get("required")).isEqualTo(exact.required());
            assertThat(answered.get("overdue")).isEqualTo(exact.overdue());
            assertThat(answered.get("notRequired")).isEqualTo(exact.notRequired());
        }
        JsonPath everyone = as("admin").queryParam("asOf", LATER.toString()).queryParam("groupBy", "portfolio")
                .get("/api/v1/activity-register/compliance").then().statusCode(200).extract().jsonPath();
        assertThat(everyone.getInt("totals.required")).isGreaterThan(own.getInt("totals.required"));
    }

    private ComplianceView rollUp(LocalDate asOf, String group, Portfolio.Filter filter, boolean fromCurrent) {
        return QuarkusTransaction.requiringNew().call(() -> compliance.rollUp(asOf, group, filter, fromCurrent));
    }

    private int count(LocalDate asOf, Portfolio.Filter filter, String type, String status) {
        return count(asOf, filter, type, status, true);
    }

    private int count(LocalDate asOf, Portfolio.Filter filter, String type, String status, boolean fromCurrent) {
        ComplianceView view = rollUp(asOf, "activityType", filter, fromCurrent);
        ComplianceView.Counts c = view.groups().stream().filter(g -> g.key().equals(type)).findFirst().orElseThrow().counts();
        return switch (status) {
            case "overdue" -> c.overdue();
            case "compliant" -> c.compliant();
            case "dueSoon" -> c.dueSoon();
            default -> c.notRequired();
        };
    }

    private static Portfolio.Filter ownedBy(String who) {
        return new Portfolio.Filter(" and (owner_cse = ? or owner_cam = ?)", List.of(who, who));
    }

    /** The client's items with a held activity on 31 December 2026, as "type:last held". */
    private static List<String> held(String client) {
        return as("avp").queryParam("asOf", "2026-12-31").queryParam("clientId", client).get("/api/v1/activity-register/compliance")
                .jsonPath().getList("groups.items.flatten().findAll { it.lastHeld != null }.collect { it.activityType + ':' + it.lastHeld }");
    }
}
