package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.rhythm.platform.testing.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Regression tests for the classes of bad input a schema-driven fuzzer found (issue 10): each is a
 * clean 4xx problem+json whose {@code status} equals the HTTP status, naming the field, and nothing is
 * stored. The mechanisms live in platform/web (StrictJson, RequestGuard, FailureProblems, ProblemMappers),
 * so every service behaves the same.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class InputHardeningApiTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    void aDuplicatedJsonKeyIsA400NamingTheKeyAndNothingIsStored() {
        String hubspotId = "hs-" + UUID.randomUUID();
        String body = ClientApiTest.client("Dup " + hubspotId, "cse", "cam", hubspotId)
                .replaceFirst("\\{", "{\"tier\": \"Mid\", ");
        problem(asIntegration().body(body).post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("tier"))
                .body("detail", containsString("duplicated JSON key 'tier'"));
        asIntegration().body(ClientApiTest.client("Dup " + hubspotId, "cse", "cam", hubspotId))
                .post("/api/v1/clients").then().statusCode(201);
    }

    @Test
    void aNulInABodyStringIsA400NamingTheFieldAndNothingIsStored() {
        String hubspotId = "hs-" + UUID.randomUUID();
        String body = ClientApiTest.client("Nul\\u0000" + hubspotId, "cse", "cam", hubspotId);
        problem(asIntegration().body(body).post("/api/v1/clients").then(), 400)
                .body("errors.field", hasItem("name"));
        asIntegration().body(ClientApiTest.client("Nul " + hubspotId, "cse", "cam", hubspotId))
                .post("/api/v1/clients").then().statusCode(201);
    }

    @Test
    void controlCharactersAndBadEncodingInThePathOrQueryAreA400BeforeAnyResource() {
        problem(as("admin").urlEncodingEnabled(false).get("/api/v1/alerts?owner=a%00b").then(), 400)
                .body("errors[0].field", equalTo("query.owner"));
        problem(as("admin").urlEncodingEnabled(false).get("/api/v1/health/portfolio?owner=a%1Fb").then(), 400)
                .body("errors[0].field", equalTo("query.owner"));
        problem(as("admin").urlEncodingEnabled(false).get("/api/v1/clients/a%00b").then(), 400)
                .body("errors[0].field", equalTo("path"));
        problem(as("admin").urlEncodingEnabled(false)
                .body("{}").put("/api/v1/clients/owner-mappings/hubspot/a%00b").then(), 400)
                .body("errors[0].field", equalTo("path"));
        problem(as("admin").urlEncodingEnabled(false).get("/api/v1/alerts?owner=%C3%28").then(), 400)
                .body("errors[0].message", containsString("UTF-8"));
    }

    @Test
    void anOverlongUriIs414AndOverlongHeadersAre431WithProblemBodies() {
        problem(as("admin").get("/api/v1/clients?cursor=" + "a".repeat(9_000)).then(), 414)
                .body("type", containsString("uri-too-long"));
        problem(as("admin").header("X-Padding", "b".repeat(20_000)).get("/api/v1/clients").then(), 431)
                .body("type", containsString("headers-too-large"));
    }

    @Test
    void deepNestingHugeBodiesAndHugeNumbersAre4xxProblems() {
        String deep = "{\"name\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        problem(asIntegration().body(deep).post("/api/v1/clients").then(), 400);
        String hubspotId = "hs-" + UUID.randomUUID();
        problem(asIntegration().body(ClientApiTest.client("Big " + hubspotId, "cse", "cam", hubspotId)
                .replace("\"578000\"", "1e400000")).post("/api/v1/clients").then(), 400);
        problem(as("admin").get("/api/v1/clients?limit=99999999999999999999999").then(), 400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aTenMegabyteBodyIsA413Problem() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class)
                                + "/api/v1/clients"))
                .expectContinue(true)
                .header("Authorization", "Bearer " + Tokens.integration())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void wrongTypesAreA400NamingTheField() {
        String hubspotId = "hs-" + UUID.randomUUID();
        problem(asIntegration().body(ClientApiTest.client("Types " + hubspotId, "cse", "cam", hubspotId)
                .replace("\"2027-06-30\"", "\"tomorrow\"")).post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("renewalDate"));
        problem(asIntegration().body(ClientApiTest.client("Types " + hubspotId, "cse", "cam", hubspotId)
                .replace("\"Health\"", "{\"a\": 1}")).post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("businessUnit"));
        problem(as("admin").get("/api/v1/clients/not-a-uuid").then(), 400)
                .body("errors[0].field", equalTo("id"));
        problem(as("admin").get("/api/v1/clients?limit=ten").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(asIntegration().contentType("text/plain").body("hello").post("/api/v1/clients").then(), 415);
        asIntegration().body(ClientApiTest.client("Types " + hubspotId, "cse", "cam", hubspotId))
                .post("/api/v1/clients").then().statusCode(201);
    }
}
