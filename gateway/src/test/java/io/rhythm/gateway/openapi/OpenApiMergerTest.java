package io.rhythm.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void keepsEveryPathAndRenamesConflictingSchemasWithTheirRefs() throws Exception {
        JsonNode health = mapper.readTree("""
                {"paths": {"/api/v1/clients": {"get": {"responses": {"200": {"content": {"application/json":
                  {"schema": {"$ref": "#/components/schemas/View"}}}}}}}},
                 "components": {"schemas": {"View": {"type": "object", "properties": {"name": {"type": "string"}}},
                                            "Money": {"type": "object"}}},
                 "tags": [{"name": "Clients"}]}""");
        JsonNode nps = mapper.readTree("""
                {"paths": {"/api/v1/nps/cycles": {"get": {"responses": {"200": {"content": {"application/json":
                  {"schema": {"$ref": "#/components/schemas/View"}}}}}}}},
                 "components": {"schemas": {"View": {"type": "object", "properties": {"openDate": {"type": "string"}}},
                                            "Money": {"type": "object"}}},
                 "tags": [{"name": "Survey cycles"}]}""");
        Map<String, JsonNode> documents = new HashMap<>();
        documents.put("health-service", health);
        documents.put("nps-service", nps);
        documents.put("planning-service", null);

        JsonNode merged = OpenApiMerger.merge(mapper, "Rhythm API", documents);

        assertThat(merged.path("paths").has("/api/v1/clients")).isTrue();
        assertThat(merged.path("paths").has("/api/v1/nps/cycles")).isTrue();
        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.has("View")).isTrue();
        assertThat(schemas.has("nps-service.View")).isTrue();
        assertThat(schemas.has("nps-service.Money")).as("identical schemas are shared, not renamed").isFalse();
        assertThat(merged.at("/paths/~1api~1v1~1nps~1cycles/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/nps-service.View");
        assertThat(merged.at("/paths/~1api~1v1~1clients/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/View");
        assertThat(merged.path("tags").findValuesAsText("name")).containsExactly("Clients", "Survey cycles");
        assertThat(merged.path("info").path("x-rhythm-unavailable").get(0).asText()).isEqualTo("planning-service");
    }

    @Test
    void operationIdsStayUniqueAndServiceSecuritySchemesAreKept() throws Exception {
        JsonNode health = mapper.readTree("""
                {"paths": {"/api/v1/health/models": {"get": {"operationId": "ModelResource_list", "responses": {}}}}}""");
        JsonNode nps = mapper.readTree("""
                {"paths": {"/api/v1/nps/responses/webhook": {"post": {"operationId": "SurveyWebhookResource_receive",
                   "security": [{"webhookSignature": []}], "responses": {}}}},
                 "components": {"securitySchemes": {"webhookSignature": {"type": "apiKey", "in": "header",
                   "name": "X-Rhythm-Signature"}}}}""");
        JsonNode segmentation = mapper.readTree("""
                {"paths": {"/api/v1/segments/models": {"get": {"operationId": "ModelResource_list", "responses": {}}}}}""");

        JsonNode merged = OpenApiMerger.merge(mapper, "Rhythm API",
                Map.of("health-service", health, "nps-service", nps, "segmentation-service", segmentation));

        assertThat(merged.at("/paths/~1api~1v1~1health~1models/get/operationId").asText()).isEqualTo("ModelResource_list");
        assertThat(merged.at("/paths/~1api~1v1~1segments~1models/get/operationId").asText())
                .isEqualTo("segmentation-service.ModelResource_list");
        assertThat(merged.at("/components/securitySchemes/webhookSignature/name").asText()).isEqualTo("X-Rhythm-Signature");
        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(merged.at("/paths/~1api~1v1~1nps~1responses~1webhook/post/security/0").has("webhookSignature")).isTrue();
    }

    @Test
    void everyOperationDocumentsTheRateLimitHeadersAndA429WithRetryAfter() throws Exception {
        JsonNode health = mapper.readTree("""
                {"paths": {"/api/v1/clients": {"get": {"responses": {"200": {"description": "ok"},
                                                                    "401": {"description": "no"},
                                                                    "500": {"description": "boom"}}},
                                               "post": {"responses": {"201": {"description": "made"},
                                                                     "429": {"description": "own limit"}}}}},
                 "components": {"schemas": {"Problem": {"type": "object"}}}}""");
        JsonNode merged = OpenApiMerger.merge(mapper, "Rhythm API", Map.of("health-service", health));

        JsonNode get = merged.at("/paths/~1api~1v1~1clients/get/responses");
        for (String name : RateLimitDocs.HEADERS) {
            assertThat(get.at("/200/headers/" + name + "/$ref").asText()).isEqualTo("#/components/headers/" + name);
            assertThat(get.at("/401/headers/" + name + "/$ref").asText()).isEqualTo("#/components/headers/" + name);
        }
        assertThat(get.at("/500/headers").isMissingNode()).as("5xx answers are not the limiter's").isTrue();
        assertThat(get.at("/200/headers/Access-Control-Allow-Origin/$ref").asText())
                .isEqualTo("#/components/headers/Access-Control-Allow-Origin");
        assertThat(get.at("/429/headers/Access-Control-Allow-Origin/$ref").asText())
                .isEqualTo("#/components/headers/Access-Control-Allow-Origin");
        assertThat(get.at("/429/headers/Retry-After/$ref").asText()).isEqualTo("#/components/headers/Retry-After");
        assertThat(get.at("/429/content/application~1problem+json/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem");
        JsonNode post = merged.at("/paths/~1api~1v1~1clients/post/responses");
        assertThat(post.at("/429/description").asText()).as("a documented 429 is kept").isEqualTo("own limit");
        assertThat(post.at("/429/headers/Retry-After").isObject()).isTrue();
        assertThat(post.at("/429/headers/RateLimit-Limit").isObject()).isTrue();
        assertThat(merged.at("/components/headers/RateLimit-Reset/schema/type").asText()).isEqualTo("integer");
    }
}
