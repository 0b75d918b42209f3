package io.rhythm.platform.web;

import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.ProblemType;
import io.rhythm.platform.web.problem.Versions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VersionsTest {

    @Test
    void matchingStrongWeakListedOrWildcardTagsPass() {
        assertThatCode(() -> Versions.requireMatch("\"v3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.requireMatch("W/\"v3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.requireMatch("\"v1\", \"v3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.requireMatch("*", 3)).doesNotThrowAnyException();
    }

    @Test
    void staleIs412AndMissingIs428() {
        assertThat(catchThrowableOfType(ApiException.class, () -> Versions.requireMatch("\"v2\"", 3)).type())
                .isEqualTo(ProblemType.PRECONDITION_FAILED);
        assertThat(catchThrowableOfType(ApiException.class, () -> Versions.requireMatch(null, 3)).type())
                .isEqualTo(ProblemType.PRECONDITION_REQUIRED);
        assertThat(Versions.etag(7).getValue()).isEqualTo("v7");
    }
}
