package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.nps.domain.themes.Theme;
import io.rhythm.nps.domain.themes.ThemeTaxonomy;
import io.rhythm.nps.service.delivery.ResponseRecorder;
import io.rhythm.nps.service.themes.ResponseThemes;
import io.rhythm.nps.service.themes.ThemeCatalog;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The configurable taxonomy (CRUD, validation, cache), retagging, manual tags that win, and theme counts. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ThemeApiTest {

    @Inject
    ResponseRecorder recorder;
    @Inject
    ThemeCatalog catalog;
    @Inject
    ResponseThemes responseThemes;
    @Inject
    ClientDirectory directory;

    @Test
    void theTaxonomyIsSeededWithTheDefaultsAndStaffCanReadIt() {
        ThemeTaxonomy stored = QuarkusTransaction.requiringNew().call(() -> catalog.taxonomy());
        for (Theme theme : ThemeTaxonomy.defaults().themes()) {
            assertThat(stored.theme(theme.code())).as(theme.code()).contains(theme);
        }
        as("cse").get("/api/v1/nps/themes?limit=200").then().statusCode(200)
                .body("items.code", hasItems("PRODUCT_PERCEPTION", "PRICING_VALUE", "TRAINING"))
                .body("items.find { it.code == 'PRODUCT_PERCEPTION' }.owner", equalTo("R_AND_D"))
                .body("items.find { it.code == 'PRODUCT_PERCEPTION' }.keywords", hasItems("legacy", "outdated", "roadmap"));
        as("marketing").get("/api/v1/nps/themes/PRICING_VALUE").then().statusCode(200)
                .header("ETag", notNullValue()).body("ownerName", equalTo("Commercial Operations"));
        as("cse").get("/api/v1/nps/themes?limit=2").then().statusCode(200).body("nextCursor", notNullValue());
        as("cse").get("/api/v1/nps/themes/NO_SUCH_THEME").then().statusCode(404);
        asIntegration().get("/api/v1/nps/themes").then().statusCode(403);
    }

    @Test
    void leadersWriteTheTaxonomyWithValidationAndOptimisticLocking() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String name = "Gizmo feedback " + run;
        Map<String, Object> theme = Map.of("name", name, "owner", "R_AND_D", "keywords", List.of("gizmotron", "widget factory"));
        as("cse").body(theme).post("/api/v1/nps/themes").then().statusCode(403);
        as("marketing").body(theme).post("/api/v1/nps/themes").then().statusCode(403);
        String code = as("avp").body(theme).post("/api/v1/nps/themes").then().statusCode(201)
                .header("ETag", equalTo("\"v0\"")).body("code", equalTo("GIZMO_FEEDBACK_" + run.toUpperCase()))
                .body("updatedBy", equalTo("avp")).extract().path("code");

        as("vp").body(Map.of("code", "OTHER_" + run.toUpperCase(), "name", name.toUpperCase(), "owner", "CS", "keywords", List.of("x"))).post("/api/v1/nps/themes")
                .then().statusCode(409).body("detail", containsString("already named"));
        as("vp").body(Map.of("code", code, "name", "Other " + run, "owner", "CS", "keywords", List.of("x")))
                .post("/api/v1/nps/themes").then().statusCode(409);
        as("vp").body(Map.of("name", "Empty " + run, "owner", "CS", "keywords", List.of())).post("/api/v1/nps/themes")
                .then().statusCode(400).body("errors.field", contains("keywords"));
        as("vp").body(Map.of("name", " ", "owner", "NOBODY", "keywords", List.of("the", "ok", "OK")))
                .post("/api/v1/nps/themes").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("keywords[0]", "keywords[2]", "name", "owner"));
        as("vp").contentType("application/json").body("{\"name\": \"x\", \"colour\": \"red\"}").post("/api/v1/nps/themes")
                .then().statusCode(400);

        String etag = as("cse").get("/api/v1/nps/themes/" + code).then().statusCode(200).extract().header("ETag");
        Map<String, Object> changed = Map.of("name", name, "owner", "SUPPORT", "keywords", List.of("frobnicator"));
        as("avp").body(changed).put("/api/v1/nps/themes/" + code).then().statusCode(428);
        as("cse").header("If-Match", etag).body(changed).put("/api/v1/nps/themes/" + code).then().statusCode(403);
        as("evp").header("If-Match", etag).body(changed).put("/api/v1/nps/themes/" + code).then().statusCode(200)
                .header("ETag", equalTo("\"v1\"")).body("owner", equalTo("SUPPORT")).body("keywords", contains("frobnicator"));
        as("evp").header("If-Match", etag).body(changed).put("/api/v1/nps/themes/" + code).then().statusCode(412);
        as("evp").header("If-Match", "\"v1\"").body(Map.of("name", name, "owner", "SUPPORT", "keywords", List.of("  ")))
                .put("/api/v1/nps/themes/" + code).then().statusCode(400).body("errors[0].field", equalTo("keywords[0]"));
        as("evp").header("If-Match", "*").body(changed).put("/api/v1/nps/themes/NO_SUCH_THEME").then().statusCode(404);

        as("cam").delete("/api/v1/nps/themes/" + code).then().statusCode(403);
        as("admin").delete("/api/v1/nps/themes/" + code).then().statusCode(204);
        as("cse").get("/api/v1/nps/themes/" + code).then().statusCode(404);
        as("admin").delete("/api/v1/nps/themes/" + code).then().statusCode(404);
    }

    @Test
    void newResponsesUseTheCurrentTaxonomyRetagUpdatesStoredOnesAndTheManualTagWinsEverywhere() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String client = TestClients.publishNew("Themed " + run, "cse", "cam");
        String other = TestClients.publishNew("Other themed " + run, "cse2", "cam2");
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(client)).isPresent()
                && directory.find(UUID.fromString(other)).isPresent());
        String cycle = as("avp").body("{\"name\": \"Themes " + run + "\", \"openDate\": \"2042-04-07\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");

        String code = as("avp").body(Map.of("name", "Quux " + run, "owner", "PS", "keywords", List.of("quuxinator")))
                .post("/api/v1/nps/themes").then().statusCode(201).extract().path("code");
        // tagged with the new theme at once (the cached tagger was rebuilt)
        UUID first = respond(cycle, client, 3, "The quuxinator is legacy and outdated.");
        UUID second = respond(cycle, client, 9, "Slow support, the zapper module is broken." /* complaints count, praise does not (issue 17) */);
        UUID third = respond(cycle, other, 5, "Our quuxinators keep crashing.");
        assertThat(effective(first)).containsExactly("PRODUCT_PERCEPTION", code);
        assertThat(effective(second)).containsExactly("SUPPORT_RESPONSIVENESS");

        // the theme now means something else: stored automatic tags change only on retag
        String etag = as("avp").get("/api/v1/nps/themes/" + code).then().extract().header("ETag");
        as("avp").header("If-Match", etag).body(Map.of("name", "Quux " + run, "owner", "PS", "keywords", List.of("zapper")))
                .put("/api/v1/nps/themes/" + code).then().statusCode(200);
        assertThat(effective(first)).contains(code);

        // a person re-tags the first response
        as("cse").body(Map.of("themes", List.of("pricing & value", "PRODUCT_PERCEPTION", "PRICING_VALUE")))
                .put("/api/v1/nps/responses/" + first + "/themes").then().statusCode(200)
                .body("manualThemes", contains("PRICING_VALUE", "PRODUCT_PERCEPTION"))
                .body("effectiveThemes", contains("PRICING_VALUE", "PRODUCT_PERCEPTION"))
                .body("automaticThemes", hasItem(code))
                .body("taggedBy", equalTo("cse")).body("taggedAt", notNullValue());
        as("cse2").body(Map.of("themes", List.of("TRAINING"))).put("/api/v1/nps/responses/" + first + "/themes").then().statusCode(404);
        as("marketing").body(Map.of("themes", List.of("TRAINING"))).put("/api/v1/nps/responses/" + first + "/themes").then().statusCode(403);
        as("cse").body(Map.of("themes", List.of("TRAINING", "Nonsense"))).put("/api/v1/nps/responses/" + first + "/themes")
                .then().statusCode(400).body("errors.field", contains("themes[1]"));
        as("cse").body(Map.of()).put("/api/v1/nps/responses/" + first + "/themes").then().statusCode(400)
                .body("errors[0].field", containsString("themes"));
        as("cse").body(Map.of("themes", List.of())).put("/api/v1/nps/responses/" + UUID.randomUUID() + "/themes").then().statusCode(404);
        as("cse2").body(Map.of("themes", List.of())).put("/api/v1/nps/responses/" + third + "/themes").then().statusCode(200)
                .body("effectiveThemes", empty());

        as("cse").post("/api/v1/nps/themes/retag?cycleId=" + cycle).then().statusCode(403);
        as("avp").post("/api/v1/nps/themes/retag?cycleId=nope").then().statusCode(400).body("errors[0].field", equalTo("cycleId"));
        as("avp").post("/api/v1/nps/themes/retag?cycleId=" + cycle).then().statusCode(200)
                .body("examined", equalTo(3)).body("changed", equalTo(3)).body("keptManual", equalTo(2));
        as("avp").post("/api/v1/nps/themes/retag?cycleId=" + cycle).then().statusCode(200).body("changed", equalTo(0));
        as("cse").get("/api/v1/nps/responses/" + first + "/themes").then().statusCode(200)
                .body("automaticThemes", contains("PRODUCT_PERCEPTION"))
                .body("effectiveThemes", contains("PRICING_VALUE", "PRODUCT_PERCEPTION"));
        assertThat(effective(second)).containsExactly("SUPPORT_RESPONSIVENESS", code);

        // counts use the effective themes: the manual tag wins; owners are shown
        as("avp").get("/api/v1/nps/cycles/" + cycle + "/themes").then().statusCode(200)
                .body("groups[0].responses", equalTo(3))
                .body("groups[0].themes.find { it.code == 'PRICING_VALUE' }.count", equalTo(1))
                .body("groups[0].themes.find { it.code == 'PRICING_VALUE' }.detractors", equalTo(1))
                .body("groups[0].themes.find { it.code == 'PRICING_VALUE' }.ownerName", equalTo("Commercial Operations"))
                .body("groups[0].themes.find { it.code == 'PRODUCT_PERCEPTION' }.count", equalTo(1))
                .body("groups[0].themes.find { it.code == '" + code + "' }.count", equalTo(1))
                .body("groups[0].themes.find { it.code == '" + code + "' }.promoters", equalTo(1))
                .body("groups[0].themes.find { it.code == '" + code + "' }.owner", equalTo("PS"));
        as("avp").get("/api/v1/nps/cycles/" + cycle + "/themes?groupBy=client").then().statusCode(200)
                .body("groups.key", contains(other, client))
                .body("groups[0].themes", empty())
                .body("groups[1].themes.code", hasItems("PRICING_VALUE", "SUPPORT_RESPONSIVENESS"));
        as("avp").get("/api/v1/nps/cycles/" + cycle + "/themes?groupBy=segment").then().statusCode(200)
                .body("groups.key", contains("(none)"));
        as("cse").get("/api/v1/nps/cycles/" + cycle + "/themes").then().statusCode(200)
                .body("groups[0].responses", equalTo(2));
        as("cse").get("/api/v1/nps/cycles/" + cycle + "/themes?groupBy=moon").then().statusCode(400);
        asIntegration().get("/api/v1/nps/cycles/" + cycle + "/themes").then().statusCode(403);

        // removing the manual tag brings the automatic themes back
        as("avp").delete("/api/v1/nps/responses/" + first + "/themes").then().statusCode(200)
                .body("effectiveThemes", contains("PRODUCT_PERCEPTION"));
        as("avp").get("/api/v1/nps/cycles/" + cycle + "/themes").then().statusCode(200)
                .body("groups[0].themes.code", not(hasItem("PRICING_VALUE")));
        as("admin").delete("/api/v1/nps/themes/" + code).then().statusCode(204);
    }

    private UUID respond(String cycle, String client, int score, String comment) {
        return QuarkusTransaction.requiringNew().call(() -> recorder.record(UUID.fromString(cycle), UUID.fromString(client),
                UUID.randomUUID(), score, comment, "SURVEY_LINK", Instant.now()));
    }

    private List<String> effective(UUID response) {
        return QuarkusTransaction.requiringNew().call(() -> responseThemes.effective(response));
    }
}
