package io.rhythm.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MiniJsonTest {

    @Test
    void writesAndReadsBackWhatTheLoaderSends() {
        String json = MiniJson.write(MiniJson.obj("name", "Ó Súilleabháin's \"QBR\"\n", "amount", MiniJson.aud(new BigDecimal("578000")),
                "probability", 50, "on", LocalDate.of(2026, 12, 4), "held", true, "skipped", null, "items", List.of(1, "two")));
        assertThat(json).isEqualTo("{\"name\":\"Ó Súilleabháin's \\\"QBR\\\"\\n\",\"amount\":{\"amount\":\"578000.00\",\"currency\":\"AUD\"},"
                + "\"probability\":50,\"on\":\"2026-12-04\",\"held\":true,\"items\":[1,\"two\"]}");
        Map<String, Object> back = MiniJson.object(json);
        assertThat(MiniJson.str(back, "name")).isEqualTo("Ó Súilleabháin's \"QBR\"\n");
        assertThat(MiniJson.str(back, "amount", "amount")).isEqualTo("578000.00");
        assertThat(MiniJson.at(back, "items", 1)).isEqualTo("two");
        assertThat(MiniJson.at(back, "items", 5)).isNull();
        assertThat(MiniJson.at(back, "probability")).isEqualTo(new BigDecimal("50"));
    }

    @Test
    void readsPagesWithNestedObjectsUnicodeEscapesAndNulls() {
        Object page = MiniJson.parse(" {\"items\": [ {\"id\": \"a\", \"override\": null, \"n\": -1.5e2}, {\"id\": \"M\\u0101ori\"} ],"
                + " \"nextCursor\": null } ");
        assertThat(MiniJson.list(page, "items")).hasSize(2);
        assertThat(MiniJson.str(page, "items", 1, "id")).isEqualTo("Māori");
        assertThat(MiniJson.at(page, "items", 0, "n")).isEqualTo(new BigDecimal("-1.5e2"));
        assertThat(MiniJson.str(page, "nextCursor")).isNull();
        assertThat(MiniJson.list(page, "missing")).isEmpty();
    }
}
