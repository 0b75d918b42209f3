package io.rhythm.platform.web.ratelimit;

import io.rhythm.platform.web.problem.ProblemType;
import io.rhythm.platform.web.problem.TooManyRequests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressAndTokenLimitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-07T09:00:00Z"));
    private final AddressAndTokenLimit limit = new AddressAndTokenLimit(2, Duration.ofMinutes(1), clock);

    @Test
    void oneAddressIsRefusedOverTheLimitWhateverTheTokens() {
        limit.require("203.0.113.7", hash("a"), "this link");
        limit.require("203.0.113.7", hash("b"), "this link");
        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> limit.require("203.0.113.7", hash("c"), "this link"))
                .isInstanceOfSatisfying(TooManyRequests.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.TOO_MANY_REQUESTS);
                    assertThat(e.retryAfterSeconds()).isEqualTo(40);
                    assertThat(e.getMessage()).contains("this link");
                });
        clock.advance(Duration.ofSeconds(40));
        limit.require("203.0.113.7", hash("c"), "this link");
    }

    @Test
    void oneTokenIsRefusedOverTheLimitFromAnyAddress() {
        limit.require("198.51.100.1", hash("t"), "this link");
        limit.require("198.51.100.2", hash("t"), "this link");
        assertThatThrownBy(() -> limit.require("198.51.100.3", hash("t"), "this link"))
                .isInstanceOf(TooManyRequests.class);
        limit.require("198.51.100.3", null, "this link");
    }

    private static byte[] hash(String token) {
        return token.getBytes(StandardCharsets.UTF_8);
    }
}
