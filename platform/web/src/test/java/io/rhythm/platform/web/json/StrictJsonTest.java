package io.rhythm.platform.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strict JSON as every service's ObjectMapper reads request bodies (issue 10, requirement 1). */
class StrictJsonTest {

    record Rows(String source, List<JsonNode> rows) {
    }

    record Reading(Double value, double other) {
    }

    private static ObjectMapper mapper() {
        StrictJson strict = new StrictJson();
        strict.maxNestingDepth = 64;
        strict.maxStringLength = 1_000_000;
        strict.maxNumberLength = 100;
        strict.maxArrayItems = 10_000;
        ObjectMapper mapper = new ObjectMapper();
        strict.customize(mapper);
        return mapper;
    }

    @Test
    void aControlCharacterInsideARawRowIsRefusedWithItsPlace() throws Exception {
        ObjectMapper mapper = mapper();
        assertThatThrownBy(() -> mapper.readValue("{\"source\":\"crm\",\"rows\":[{\"name\":\"ok\"},{\"name\":\"a\\u0000b\"}]}", Rows.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("U+0000").hasMessageContaining("name");
        assertThatThrownBy(() -> mapper.readValue("{\"rows\":[{\"tags\":[\"x\",\"\\u0007\"]}]}", Rows.class))
                .hasMessageContaining("U+0007").hasMessageContaining("tags[1]");
        assertThatThrownBy(() -> mapper.readValue("{\"rows\":[{\"a\\u0000\":1}]}", Rows.class))
                .hasMessageContaining("field name");
        // tab, newline and carriage return stay allowed, as in every other string
        Rows clean = mapper.readValue("{\"rows\":[{\"note\":\"a\\tb\\nc\\r\"}]}", Rows.class);
        assertThat(clean.rows().get(0).path("note").asText()).isEqualTo("a\tb\nc\r");
    }

    @Test
    void aNumberBeyondADoubleIsRefusedNotReadAsInfinity() throws Exception {
        ObjectMapper mapper = mapper();
        assertThatThrownBy(() -> mapper.readValue("{\"value\":1e400,\"other\":1}", Reading.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("beyond the range of a double");
        assertThatThrownBy(() -> mapper.readValue("{\"value\":1,\"other\":-1e400}", Reading.class))
                .hasMessageContaining("beyond the range of a double");
        assertThatThrownBy(() -> mapper.readValue("{\"value\":\"NaN\",\"other\":1}", Reading.class))
                .hasMessageContaining("beyond the range of a double");
        assertThat(mapper.readValue("{\"value\":1.5e300,\"other\":2}", Reading.class)).isEqualTo(new Reading(1.5e300, 2));
        assertThat(mapper.readValue("{\"value\":null,\"other\":2}", Reading.class).value()).isNull();
    }

    @Test
    void duplicatedKeysDeepNestingAndInvalidUtf8AreRefused() {
        ObjectMapper mapper = mapper();
        assertThatThrownBy(() -> mapper.readValue("{\"source\":\"a\",\"source\":\"b\"}", Rows.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'source'");
        String deep = "{\"rows\":[" + "[".repeat(5_000) + "]".repeat(5_000) + "]}";
        assertThatThrownBy(() -> mapper.readValue(deep, Rows.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("nesting depth");
        byte[] invalidUtf8 = "{\"source\":\"a\u00e9b\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> mapper.readValue(invalidUtf8, Rows.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("UTF-8");
    }
}
