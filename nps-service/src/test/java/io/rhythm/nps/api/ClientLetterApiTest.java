package io.rhythm.nps.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.rhythm.nps.api.LetterFixtures.answers;
import static io.rhythm.nps.api.LetterFixtures.cycle;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Client letters: drafted from the results (score, trend, themes), rendered as HTML and PDF, approved by the EVP, sent. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ClientLetterApiTest {

    private static final int[] SA_HEALTH_SCORES = {1, 9, 7, 8, 6, 5, 9, 3, 8, 5};
    private static final String[] SA_HEALTH_THEMES = {"PRODUCT_PERCEPTION", null, "PRODUCT_PERCEPTION,SUPPORT_RESPONSIVENESS",
            null, "PRODUCT_PERCEPTION", null, null, "SUPPORT_RESPONSIVENESS", null, "TRAINING"};

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory directory;

    @Test
    void lettersAreDraftedRenderedEditedApprovedByTheEvpOnlyAndThenSent() throws IOException {
        String saHealthName = "Letter SA Health " + UUID.randomUUID();
        String saHealth = LetterFixtures.known(directory, TestClients.publishNew(saHealthName, "cse", "cam"));
        String other = LetterFixtures.known(directory, TestClients.publishNew("Letter Zeta " + UUID.randomUUID(), "cse2", "cam2"));
        String previous = cycle("Letters before", "2027-01-07");
        String cycle = cycle("Letters", "2027-04-07");
        answers(em, previous, saHealth, 3, new int[]{9, 10, 9}, null);
        answers(em, cycle, saHealth, 20, SA_HEALTH_SCORES, SA_HEALTH_THEMES);
        answers(em, cycle, other, 2, new int[]{10, 9}, null);
        String generate = "/api/v1/nps/cycles/" + cycle + "/letters/generate";

        // a CSE drafts the letters of their own clients only; a leader then drafts the rest and redrafts the CSE's
        as("cse").post(generate).then().statusCode(200).body("drafted", equalTo(1)).body("redrafted", equalTo(0));
        as("avp").post(generate).then().statusCode(200).body("drafted", equalTo(1)).body("redrafted", equalTo(1))
                .body("keptApproved", equalTo(0));
        as("marketing").post(generate).then().statusCode(403);
        as("avp").post("/api/v1/nps/cycles/" + UUID.randomUUID() + "/letters/generate").then().statusCode(404);

        as("avp").get("/api/v1/nps/letters?cycleId=" + cycle).then().statusCode(200)
                .body("items.clientId", contains(saHealth, other));
        String letterId = as("cse").get("/api/v1/nps/letters?cycleId=" + cycle).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].clientId", equalTo(saHealth)).extract().path("items[0].id");
        as("cse2").get("/api/v1/nps/letters?cycleId=" + cycle).then().statusCode(200).body("items.clientId", contains(other));
        as("avp").get("/api/v1/nps/letters?cycleId=" + cycle + "&limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue());

        // JSON: the client's score, its trend against the previous cycle, its top themes
        ExtractableResponse<Response> read = as("cse").get("/api/v1/nps/letters/" + letterId).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("clientName", equalTo(saHealthName))
                .body("businessUnit", equalTo("Health"))
                .body("facts.figures.responses", equalTo(10))
                .body("facts.figures.average", equalTo(6.1f))
                .body("facts.figures.nps", equalTo(-30))
                .body("facts.figures.min", equalTo(1))
                .body("facts.figures.max", equalTo(9))
                .body("facts.trend.previous.nps", equalTo(100))
                .body("facts.trend.npsChange", equalTo(-130))
                .body("facts.trend.direction", equalTo("DOWN"))
                .body("facts.themes.code", contains("PRODUCT_PERCEPTION", "SUPPORT_RESPONSIVENESS", "TRAINING"))
                .body("facts.themes[0].count", equalTo(3))
                .body("facts.themes[0].name", equalTo("Product perception"))
                .body("body", containsString("average score of 6.1"))
                .body("body", containsString("fallen by 130 points"))
                .body("body", containsString("Product perception"))
                .body("body", startsWith("Dear " + saHealthName + " team,\n\nThank you for taking part"))
                .body("body", not(containsString("\n\n\n")))
                .extract();
        String etag = read.header("ETag");
        assertThat(etag).isNotBlank();
        as("cse2").get("/api/v1/nps/letters/" + letterId).then().statusCode(404);
        as("avp").get("/api/v1/nps/letters/" + UUID.randomUUID()).then().statusCode(404);

        // HTML and PDF
        as("cse").accept("text/html").get("/api/v1/nps/letters/" + letterId + "/html").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString(saHealthName), containsString("6.1 / 10"), containsString("-30"),
                        containsString("Product perception"), containsString("DRAFT"));
        String pdf = pdfText(as("cse").accept("application/pdf").get("/api/v1/nps/letters/" + letterId + "/pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertThat(pdf).contains(saHealthName).contains("6.1").contains("-30").contains("Product perception");
        as("cse2").get("/api/v1/nps/letters/" + letterId + "/pdf").then().statusCode(404);

        // editing a draft: If-Match, field errors, row-level
        String edit = "{\"subject\": \"Thank you, SA Health\", \"body\": \"Dear team,\\n\\nWe hear you on the legacy screens.\"}";
        as("cse").body(edit).put("/api/v1/nps/letters/" + letterId).then().statusCode(428);
        as("cse").header("If-Match", "\"v999\"").body(edit).put("/api/v1/nps/letters/" + letterId).then().statusCode(412);
        as("cse").header("If-Match", etag).body("{\"subject\": \"\", \"body\": \" \"}").put("/api/v1/nps/letters/" + letterId)
                .then().statusCode(400).body("errors.field", hasItems("subject", "body"));
        as("cse2").header("If-Match", etag).body(edit).put("/api/v1/nps/letters/" + letterId).then().statusCode(404);
        String edited = as("cse").header("If-Match", etag).body(edit).put("/api/v1/nps/letters/" + letterId).then()
                .statusCode(200).body("subject", equalTo("Thank you, SA Health")).body("editedBy", equalTo("cse"))
                .header("ETag", not(equalTo(etag))).extract().header("ETag");
        assertThat(pdfText(as("cse").get("/api/v1/nps/letters/" + letterId + "/pdf").then().statusCode(200).extract().asByteArray()))
                .contains("We hear you on the legacy screens.").contains("Thank you, SA Health");

        // only the EVP approves; nothing is sent before approval
        for (String user : List.of("cse", "cam", "avp", "vp", "admin")) {
            as(user).post("/api/v1/nps/letters/" + letterId + "/approve").then().statusCode(403);
        }
        as("cse").body("{}").post("/api/v1/nps/letters/" + letterId + "/sent").then().statusCode(409)
                .body("detail", containsString("approved by the EVP"));
        as("evp").post("/api/v1/nps/letters/" + letterId + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", equalTo("evp")).body("approvedAt", notNullValue());
        as("evp").post("/api/v1/nps/letters/" + letterId + "/approve").then().statusCode(409);
        as("cse").header("If-Match", "*").body(edit).put("/api/v1/nps/letters/" + letterId).then().statusCode(409);
        as("avp").get("/api/v1/nps/letters/" + letterId + "/html").then().statusCode(200)
                .body(not(containsString("DRAFT"))).body(containsString("We hear you"));

        // regenerating keeps the approved letter (and its edited text) and redrafts the other
        as("avp").post(generate).then().statusCode(200).body("keptApproved", equalTo(1)).body("redrafted", equalTo(1))
                .body("drafted", equalTo(0));
        as("avp").get("/api/v1/nps/letters/" + letterId).then().body("subject", equalTo("Thank you, SA Health"));

        // sent, with a date that is not in the future
        as("cse").body("{\"sentOn\": \"2999-01-01\"}").post("/api/v1/nps/letters/" + letterId + "/sent").then().statusCode(400)
                .body("errors.field", contains("sentOn"));
        as("cse2").body("{}").post("/api/v1/nps/letters/" + letterId + "/sent").then().statusCode(404);
        as("marketing").body("{}").post("/api/v1/nps/letters/" + letterId + "/sent").then().statusCode(403);
        try (TopicProbe cycles = TopicProbe.watch(Topics.NPS_CYCLES)) {
            as("cse").body("{}").post("/api/v1/nps/letters/" + letterId + "/sent").then().statusCode(200)
                    .body("status", equalTo("SENT")).body("sentOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                    .body("sentBy", equalTo("cse"));
            CloudEvent event = cycles.awaitEvent(EventCatalogue.CLIENT_LETTER_SENT.type(), saHealth, Duration.ofSeconds(30));
            assertThat(event.data().get("letterId").asText()).isEqualTo(letterId);
            assertThat(event.data().get("nps").asInt()).isEqualTo(-30);
            assertThat(event.data().get("approvedBy").asText()).isEqualTo("evp");
            assertThat(event.data().get("sentOn").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        }
        as("cse").body("{}").post("/api/v1/nps/letters/" + letterId + "/sent").then().statusCode(409);
        assertThat(edited).isNotBlank();

        // filters
        as("avp").get("/api/v1/nps/letters?cycleId=" + cycle + "&status=SENT").then().statusCode(200)
                .body("items.id", contains(letterId));
        as("avp").get("/api/v1/nps/letters?cycleId=" + cycle + "&status=draft").then().statusCode(200)
                .body("items.clientId", contains(other));
        as("avp").get("/api/v1/nps/letters?clientId=" + saHealth).then().statusCode(200).body("items.id", contains(letterId));
        as("avp").get("/api/v1/nps/letters?status=BOGUS").then().statusCode(400).body("errors.field", contains("status"));
        as("avp").get("/api/v1/nps/letters?cycleId=not-a-uuid").then().statusCode(400).body("errors.field", contains("cycleId"));
        as("avp").get("/api/v1/nps/letters?limit=0").then().statusCode(400);
    }

    @Test
    void businessUnitTalkingPointsAreApprovedByTheEvpTogetherWithTheUnitsDraftLetters() {
        String mover = LetterFixtures.known(directory, TestClients.publishNew("TP Mover " + UUID.randomUUID(), "cse", "cam"));
        String steady = LetterFixtures.known(directory, TestClients.publishNew("TP Steady " + UUID.randomUUID(), "cse2", "cam2"));
        String previous = cycle("TP before", "2027-07-07");
        String cycle = cycle("TP", "2027-10-07");
        answers(em, previous, mover, 2, new int[]{3, 4}, null);
        answers(em, previous, steady, 2, new int[]{9, 9}, null);
        answers(em, cycle, mover, 4, new int[]{10, 9, 9}, new String[]{"PRODUCT_PERCEPTION", "PRODUCT_PERCEPTION", "TRAINING"});
        answers(em, cycle, steady, 6, new int[]{9, 10, 7}, new String[]{"TRAINING", "PRODUCT_PERCEPTION", null});
        as("avp").post("/api/v1/nps/cycles/" + cycle + "/letters/generate").then().statusCode(200).body("drafted", equalTo(2));

        String points = "/api/v1/nps/cycles/" + cycle + "/talking-points";
        as("cse").post(points + "/generate").then().statusCode(403);
        as("avp").post(points + "/generate").then().statusCode(200).body("drafted", equalTo(1))
                .body("businessUnits", contains("Health"));
        as("avp").get(points + "/Health").then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("points.clients", equalTo(2))
                .body("points.figures.responses", equalTo(6))
                .body("points.figures.promoters", equalTo(5))
                .body("points.figures.passives", equalTo(1))
                .body("points.figures.detractors", equalTo(0))
                .body("points.figures.nps", equalTo(83))
                .body("points.invited", equalTo(10))
                .body("points.eligible", equalTo(10))
                .body("points.responded", equalTo(6))
                .body("points.responseRatePercent", equalTo(60.0f))
                .body("points.responseRateTargetMet", equalTo(true))
                .body("points.topThemes.code", contains("PRODUCT_PERCEPTION", "TRAINING"))
                .body("points.topThemes[0].count", equalTo(3))
                .body("points.movers[0].clientId", equalTo(mover))
                .body("points.movers[0].previousNps", equalTo(-100))
                .body("points.movers[0].nps", equalTo(100))
                .body("points.movers[0].change", equalTo(200))
                .body("points.caveat", containsString("noisy"));
        as("marketing").get(points).then().statusCode(200).body("items.businessUnit", contains("Health"));
        as("avp").accept("text/html").get(points + "/Health/html").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("Health"), containsString("Clients that moved most"), containsString("TP Mover"),
                        containsString("Product perception"), containsString("DRAFT"));
        as("cse").get(points + "/Health").then().statusCode(403);
        as("avp").get(points + "/Nowhere").then().statusCode(404);
        as("avp").get("/api/v1/nps/cycles/" + UUID.randomUUID() + "/talking-points").then().statusCode(404);

        // the EVP approval step: talking points and the unit's draft letters, evp only
        for (String user : List.of("cse", "avp", "vp", "admin")) {
            as(user).post(points + "/Health/approve").then().statusCode(403);
        }
        as("evp").post(points + "/Nowhere/approve").then().statusCode(404);
        as("evp").post(points + "/Health/approve").then().statusCode(200).body("lettersApproved", equalTo(2));
        as("evp").post(points + "/Health/approve").then().statusCode(409);
        as("avp").get(points + "/Health").then().body("status", equalTo("APPROVED")).body("approvedBy", equalTo("evp"));
        as("avp").get("/api/v1/nps/letters?cycleId=" + cycle + "&status=APPROVED").then().statusCode(200)
                .body("items.clientId", hasItems(mover, steady)).body("items", hasSize(2));
        as("avp").post(points + "/generate").then().statusCode(200).body("keptApproved", equalTo(1)).body("drafted", equalTo(0));
        as("avp").get(points + "/Health/html").then().body(not(containsString("DRAFT")));
        as("avp").get(points + "/Health").then().body("approvedAt", notNullValue()).body("points.movers[1].clientId", equalTo(steady))
                .body("points.movers[2]", nullValue());
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
