package io.rhythm.platform.web.hardening;

import io.rhythm.platform.web.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestGuardTest {

    private static List<String> faults(String uri, Map<String, String> headers) {
        return RequestGuard.inspect(uri, headers.entrySet()).stream().map(FieldError::field).toList();
    }

    @Test
    void cleanRequestsPass() {
        assertThat(faults("/api/v1/nps/themes/price%20value?owner=cse&q=caf%C3%A9+au+lait&flag", Map.of("X-Note", "a\tb"))).isEmpty();
    }

    @Test
    void controlCharactersAreNamedWhereTheyAre() {
        assertThat(faults("/api/v1/nps/themes/a%00b", Map.of())).containsExactly("path");
        assertThat(faults("/api/v1/alerts?owner=a%00b&status=OPEN", Map.of())).containsExactly("query.owner");
        assertThat(faults("/api/v1/alerts?owner=a%7Fb", Map.of())).containsExactly("query.owner");
        assertThat(faults("/api/v1/alerts?a%0Ab=1", Map.of())).containsExactly("query");
        assertThat(faults("/api/v1/alerts", Map.of("X-Note", "a\u0001b"))).containsExactly("header.X-Note");
    }

    @Test
    void badEncodingIsRefused() {
        assertThat(RequestGuard.fault("%zz", true)).contains("percent-encoding");
        assertThat(RequestGuard.fault("%C3%28", true)).contains("UTF-8");
        assertThat(RequestGuard.fault("abc%4", false)).contains("percent-encoding");
    }
}
