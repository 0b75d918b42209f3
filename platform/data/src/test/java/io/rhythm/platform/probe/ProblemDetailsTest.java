package io.rhythm.platform.probe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Every error class answers RFC 9457 problem+json with a stable type, and nothing already stored changes. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ProblemDetailsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void validationFailureIs400WithFieldErrors() {
        problem(post("{\"label\":\"\"}"), 400, "validation")
                .body("errors.field", hasItem("label"))
                .body("errors[0].message", notNullValue());
        problem(post("{\"label\":\"" + "x".repeat(201) + "\"}"), 400, "validation")
                .body("errors.field", hasItem("label"));
    }

    @Test
    void missingBodyIs400() {
        problem(given().header("Authorization", "Bearer " + Tokens.integration()).contentType("application/json")
                .post("/api/v1/probes").then(), 400, "validation")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        problem(post("{\"label\":\"ok-" + UUID.randomUUID() + "\",\"colour\":\"red\"}"), 400, "validation")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("unknown field"));
    }

    @Test
    void malformedJsonIs400() {
        problem(post("{\"label\": "), 400, "malformed-request")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void unknownResourceIs404AndAMalformedIdA400() {
        problem(given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/v1/probes/" + UUID.randomUUID()).then(), 404, "not-found");
        problem(given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/v1/probes/not-a-uuid").then(), 400, "validation")
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void duplicateIs409() {
        String label = "dup-" + UUID.randomUUID();
        post("{\"label\":\"" + label + "\"}").statusCode(201);
        problem(post("{\"label\":\"" + label + "\"}"), 409, "conflict").body("detail", containsString(label));
    }

    @Test
    void staleIfMatchIs412AndMissingIfMatchIs428AndNothingChanges() {
        String label = "etag-" + UUID.randomUUID();
        var created = post("{\"label\":\"" + label + "\"}").statusCode(201).header("ETag", "\"v0\"").extract();
        String id = created.path("id");

        given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "\"v0\"")
                .contentType("application/json").body("{\"label\":\"" + label + "-renamed\"}")
                .put("/api/v1/probes/" + id).then().statusCode(200).header("ETag", "\"v1\"");

        problem(given().header("Authorization", Tokens.bearer("admin")).header("If-Match", "\"v0\"")
                .contentType("application/json").body("{\"label\":\"lost-update\"}")
                .put("/api/v1/probes/" + id).then(), 412, "precondition-failed");
        problem(given().header("Authorization", Tokens.bearer("admin"))
                .contentType("application/json").body("{\"label\":\"lost-update\"}")
                .put("/api/v1/probes/" + id).then(), 428, "precondition-required");

        given().header("Authorization", Tokens.bearer("admin")).get("/api/v1/probes/" + id)
                .then().statusCode(200).body("label", equalTo(label + "-renamed"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        problem(given().header("Authorization", "Bearer " + Tokens.integration()).contentType("text/plain")
                .body("label=x").post("/api/v1/probes").then(), 415, "unsupported-media-type");
    }

    @Test
    void missingTokenIs401AndWrongRoleIs403() {
        problem(given().contentType("application/json").body("{\"label\":\"x\"}").post("/api/v1/probes")
                .then(), 401, "unauthorized").header("WWW-Authenticate", containsString("Bearer"));
        problem(given().header("Authorization", "Bearer not-a-token").get("/api/v1/probes").then(), 401, "unauthorized")
                .body("detail", containsString("not accepted"));
        problem(given().header("Authorization", Tokens.bearer("cse")).contentType("application/json")
                .body("{\"label\":\"x\"}").post("/api/v1/probes").then(), 403, "forbidden");
    }

    @Test
    void unexpectedFailureIs500WithoutInternalsButWithCorrelationId() {
        problem(given().header("Authorization", Tokens.bearer("admin")).header("X-Correlation-Id", "trace-500")
                .get("/api/v1/probes/boom").then(), 500, "internal")
                .body("correlationId", equalTo("trace-500"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at io.rhythm")));
    }

    @Test
    void badPagingParametersAre400() {
        problem(given().header("Authorization", Tokens.bearer("admin")).get("/api/v1/probes?limit=0").then(), 400, "validation")
                .body("errors[0].field", equalTo("limit"));
        problem(given().header("Authorization", Tokens.bearer("admin")).get("/api/v1/probes?cursor=garbage!").then(), 400, "validation")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void cursorPagingWalksTheWholeCollectionInStableOrder() {
        String prefix = "page-" + UUID.randomUUID() + "-";
        for (String suffix : new String[]{"c", "a", "e", "b", "d"}) {
            post("{\"label\":\"" + prefix + suffix + "\"}").statusCode(201);
        }
        var first = given().header("Authorization", Tokens.bearer("avp"))
                .get("/api/v1/probes?limit=2&prefix=" + prefix).then().statusCode(200)
                .body("items.label", org.hamcrest.Matchers.contains(prefix + "a", prefix + "b"))
                .body("nextCursor", notNullValue()).extract();
        var second = given().header("Authorization", Tokens.bearer("avp"))
                .get("/api/v1/probes?limit=2&prefix=" + prefix + "&cursor=" + first.path("nextCursor")).then().statusCode(200)
                .body("items.label", org.hamcrest.Matchers.contains(prefix + "c", prefix + "d")).extract();
        given().header("Authorization", Tokens.bearer("avp"))
                .get("/api/v1/probes?limit=2&prefix=" + prefix + "&cursor=" + second.path("nextCursor")).then().statusCode(200)
                .body("items.label", org.hamcrest.Matchers.contains(prefix + "e"))
                .body("nextCursor", nullValue());
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesADifferentBody() {
        String key = UUID.randomUUID().toString();
        String body = "{\"label\":\"idem-" + key + "\"}";
        String id = post(body, key).statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        post(body, key).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        problem(post("{\"label\":\"other-" + key + "\"}", key), 422, "unprocessable");
        problem(post(body, "has space"), 400, "validation").body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void everyAnswerCarriesACorrelationId() {
        given().header("X-Correlation-Id", "abc-123").get("/api/v1/probes")
                .then().statusCode(401).header("X-Correlation-Id", "abc-123");
        given().get("/api/v1/probes").then().header("X-Correlation-Id", notNullValue());
    }

    private static ValidatableResponse post(String body) {
        return post(body, null);
    }

    private static ValidatableResponse post(String body, String idempotencyKey) {
        var request = given().header("Authorization", "Bearer " + Tokens.integration()).contentType("application/json").body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/probes").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://rhythm.io/problems/" + type))
                .body("status", equalTo(status))
                .body("title", notNullValue());
    }
}
