package io.rhythm.gateway.edge;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    /** A clock the test moves. */
    private static final class Clock implements InstantSource {
        final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-07T12:00:00Z").toEpochMilli());

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        long epochSecond() {
            return millis.get() / 1000;
        }

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }
    }

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdnAiLCJleHAiOjE3OTk5OTk5OTl9.c2lnbmF0dXJlLW9mLXRoZS1yZWFsbQ";

    private final Clock clock = new Clock();
    private final VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(100, Duration.ofSeconds(30), clock);

    @Test
    void aVerifiedTokenIsAnsweredUntilItsExpiryAndNotAMillisecondLonger() {
        cache.put(TOKEN, clock.epochSecond() + 10, "avp");
        assertThat(cache.get(TOKEN)).contains("avp");

        clock.advance(Duration.ofMillis(9_999));
        assertThat(cache.get(TOKEN)).contains("avp");
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get(TOKEN)).as("at exp the token is expired").isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheTtl() {
        cache.put(TOKEN, clock.epochSecond() + 3_600, "avp");
        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get(TOKEN)).contains("avp");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get(TOKEN)).isEmpty();
    }

    @Test
    void anExpiredTokenIsNeverStored() {
        cache.put(TOKEN, clock.epochSecond(), "avp");
        cache.put(TOKEN + "x", clock.epochSecond() - 60, "avp");
        assertThat(cache.get(TOKEN)).isEmpty();
        assertThat(cache.get(TOKEN + "x")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTamperedTokenMissesWhicheverPartWasChanged() {
        cache.put(TOKEN, clock.epochSecond() + 60, "avp");
        String[] parts = TOKEN.split("\\.");
        String otherPayload = parts[0] + "." + flip(parts[1]) + "." + parts[2];
        String otherSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        String unsigned = parts[0] + "." + parts[1] + ".";

        assertThat(otherPayload).isNotEqualTo(TOKEN);
        assertThat(otherSignature).isNotEqualTo(TOKEN);
        assertThat(cache.get(otherPayload)).isEmpty();
        assertThat(cache.get(otherSignature)).isEmpty();
        assertThat(cache.get(unsigned)).isEmpty();
        assertThat(cache.get(TOKEN + " ")).isEmpty();
        assertThat(cache.get(TOKEN)).contains("avp");
    }

    /** One character in the middle changed (all six bits of a middle base64url character count). */
    private static String flip(String part) {
        int i = part.length() / 2;
        return part.substring(0, i) + (part.charAt(i) == 'A' ? 'Q' : 'A') + part.substring(i + 1);
    }

    @Test
    void theKeyIsAHashNotTheToken() {
        assertThat(VerifiedTokenCache.key(TOKEN)).hasSize(64).doesNotContain("eyJ");
        assertThat(VerifiedTokenCache.key("café")).isNotEqualTo(VerifiedTokenCache.key("caf?"));
    }

    @Test
    void itHoldsAtMostItsMaximumSize() {
        VerifiedTokenCache<String> small = new VerifiedTokenCache<>(10, Duration.ofSeconds(30), clock);
        for (int i = 0; i < 1_000; i++) {
            small.put(TOKEN + i, clock.epochSecond() + 60, "caller " + i);
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aTtlMustBePositive() {
        assertThatThrownBy(() -> new VerifiedTokenCache<String>(10, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
