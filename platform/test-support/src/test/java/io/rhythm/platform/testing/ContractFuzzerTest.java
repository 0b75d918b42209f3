package io.rhythm.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz gate's per-field limit variants, on a small document (no service). */
class ContractFuzzerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCUMENT = """
            {"paths": {"/things": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "properties": {
                 "name": {"type": "string", "maxLength": 5},
                 "notes": {"type": "string", "maxLength": 10},
                 "free": {"type": "string", "maxLength": 1000000},
                 "kind": {"type": "string", "maxLength": 4, "enum": ["A", "B"]},
                 "tags": {"type": "array", "maxItems": 2, "items": {"type": "string", "maxLength": 3}},
                 "rows": {"type": "array", "maxItems": 10000, "items": {"$ref": "#/components/schemas/Row"}}}},
               "Row": {"type": "object", "properties": {"code": {"type": "string", "maxLength": 8}}}}}}""";

    @Test
    void eachVariantPutsOneFieldJustBeyondItsDocumentedLimitAndLeavesPlatformLimitsAndEnumsAlone() throws Exception {
        JsonNode document = JSON.readTree(DOCUMENT);
        List<String> beyond = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            for (String body : ContractFuzzer.fieldLimitBodies(document, "/things", "post", seed)) {
                beyond.add(over(JSON.readTree(body)));
            }
        }
        // five limited fields (name, notes, tags, tags[0], rows[0].code), at most four per operation and seed
        assertThat(beyond).containsOnly("name", "notes", "tags", "tags[0]", "rows[0].code")
                .contains("name", "notes", "tags", "tags[0]", "rows[0].code");
        assertThat(ContractFuzzer.fieldLimitBodies(document, "/things", "post", 1)).hasSize(4);
    }

    @Test
    void theSameSeedSendsTheSameVariants() {
        JsonNode document;
        try {
            document = JSON.readTree(DOCUMENT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<String> first = ContractFuzzer.fieldLimitBodies(document, "/things", "post", 7).stream().map(ContractFuzzerTest::shape).toList();
        List<String> again = ContractFuzzer.fieldLimitBodies(document, "/things", "post", 7).stream().map(ContractFuzzerTest::shape).toList();
        assertThat(again).isEqualTo(first);
    }

    /** Which single field of the body is beyond its limit (and that only one is). */
    private static String over(JsonNode body) {
        List<String> fields = new ArrayList<>();
        if (body.path("name").asText().length() > 5) {
            fields.add("name");
        }
        if (body.path("notes").asText().length() > 10) {
            fields.add("notes");
        }
        if (body.path("tags").size() > 2) {
            fields.add("tags");
        }
        if (body.path("tags").path(0).asText().length() > 3) {
            fields.add("tags[0]");
        }
        if (body.path("rows").path(0).path("code").asText().length() > 8) {
            fields.add("rows[0].code");
        }
        assertThat(body.path("free").asText().length()).isLessThanOrEqualTo(1_000_000);
        assertThat(fields).as(body.toString()).hasSize(1);
        return fields.get(0);
    }

    /** A body with its random sample values blanked: which field is long and how long. */
    private static String shape(String body) {
        return body.replaceAll("fuzz-[a-z0-9]+", "v");
    }
}
