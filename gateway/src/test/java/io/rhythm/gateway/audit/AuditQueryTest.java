package io.rhythm.gateway.audit;

import io.rhythm.platform.web.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryTest {

    @Test
    void datesCoverWholeDaysAndInstantsAreExact() {
        AuditQuery query = AuditQuery.of("admin", "2026-12-01", "2026-12-07", null, null);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(query.page().limit()).isEqualTo(50);
        AuditQuery exact = AuditQuery.of(null, "2026-12-01T10:00:00+10:00", null, 10, null);
        assertThat(exact.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(exact.to()).isNull();
    }

    @Test
    void badFiltersAreFieldErrors() {
        assertThatThrownBy(() -> AuditQuery.of(" ", "yesterday", "2026-01-01", 0, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(io.rhythm.platform.web.problem.FieldError::field)
                        .containsExactlyInAnyOrder("from", "actor", "limit"));
        assertThatThrownBy(() -> AuditQuery.of(null, "2026-12-07", "2026-12-01", null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    }
}
