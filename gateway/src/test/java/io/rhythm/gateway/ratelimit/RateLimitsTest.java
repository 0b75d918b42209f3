package io.rhythm.gateway.ratelimit;

import io.rhythm.gateway.edge.ApiCaller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits(config(3, 6, 2));
    private final ApiCaller cse = new ApiCaller(ApiCaller.Kind.PERSON, "sub-cse", "cse", List.of("cse"));
    private final ApiCaller avp = new ApiCaller(ApiCaller.Kind.PERSON, "sub-avp", "avp", List.of("avp"));
    private final ApiCaller crm = new ApiCaller(ApiCaller.Kind.INTEGRATION, "sub-crm", "rhythm-integration", List.of("integration"));

    @Test
    void eachPersonHasTheirOwnBucket() {
        assertThat(limits.take(cse, "10.0.0.1")).extracting(RateLimits.Decision::allowed, RateLimits.Decision::remaining)
                .containsExactly(true, 2L);
        limits.take(cse, "10.0.0.1");
        RateLimits.Decision last = limits.take(cse, "10.0.0.2");
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();
        assertThat(last.resetSeconds()).isBetween(59L, 60L);

        RateLimits.Decision refused = limits.take(cse, "10.0.0.3");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(3);
        assertThat(refused.retryAfterSeconds()).as("one request refills in 60/3 s").isBetween(19L, 20L);

        assertThat(limits.take(avp, "10.0.0.1").allowed()).as("another person is not affected").isTrue();
    }

    @Test
    void integrationClientsAndAddressesHaveTheirOwnLimits() {
        for (int i = 0; i < 6; i++) {
            assertThat(limits.take(crm, "10.0.0.1").allowed()).isTrue();
        }
        assertThat(limits.take(crm, "10.0.0.1").allowed()).isFalse();

        assertThat(limits.take(ApiCaller.ANONYMOUS, "198.51.100.1").allowed()).isTrue();
        assertThat(limits.take(ApiCaller.ANONYMOUS, "198.51.100.1").allowed()).isTrue();
        RateLimits.Decision third = limits.take(ApiCaller.ANONYMOUS, "198.51.100.1");
        assertThat(third.allowed()).isFalse();
        assertThat(third.limit()).isEqualTo(2);
        assertThat(limits.take(ApiCaller.ANONYMOUS, "198.51.100.2").allowed()).as("per address").isTrue();
    }

    static RateLimitConfig config(long people, long integration, long anonymous) {
        return new RateLimitConfig() {
            public boolean enabled() {
                return true;
            }

            public Limit people() {
                return limit(people);
            }

            public Limit integration() {
                return limit(integration);
            }

            public Limit anonymous() {
                return limit(anonymous);
            }

            public List<String> trustedProxies() {
                return List.of("127.0.0.1");
            }

            public int maxTrackedCallers() {
                return 1000;
            }
        };
    }

    private static RateLimitConfig.Limit limit(long requests) {
        return new RateLimitConfig.Limit() {
            public long limit() {
                return requests;
            }

            public Duration period() {
                return Duration.ofMinutes(1);
            }
        };
    }
}
