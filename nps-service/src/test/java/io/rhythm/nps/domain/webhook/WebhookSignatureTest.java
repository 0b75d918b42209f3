package io.rhythm.nps.domain.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static io.rhythm.nps.domain.webhook.WebhookSignature.Verdict.INVALID_SIGNATURE;
import static io.rhythm.nps.domain.webhook.WebhookSignature.Verdict.MALFORMED_SIGNATURE;
import static io.rhythm.nps.domain.webhook.WebhookSignature.Verdict.MISSING_SIGNATURE;
import static io.rhythm.nps.domain.webhook.WebhookSignature.Verdict.MISSING_TIMESTAMP;
import static io.rhythm.nps.domain.webhook.WebhookSignature.Verdict.STALE_TIMESTAMP;
import static io.rhythm.nps.domain.webhook.WebhookSignature.Verdict.VALID;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"eventId\":\"e1\",\"score\":9}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String TS = String.valueOf(NOW.getEpochSecond());

    @Test
    void knownVector() {
        // HMAC-SHA256("s3cret", "1795420800.{"eventId":"e1","score":9}") computed independently (Python hmac)
        assertThat(WebhookSignature.sign(SECRET, TS, BODY))
                .isEqualTo("sha256=" + KnownVector.HEX);
    }

    @Test
    void validSignatureWithinTolerance() {
        String signature = WebhookSignature.sign(SECRET, TS, BODY);
        assertThat(WebhookSignature.verify(SECRET, TS, signature, BODY, NOW, TOLERANCE)).isEqualTo(VALID);
        assertThat(WebhookSignature.verify(SECRET, TS, signature.toUpperCase().replace("SHA256=", "sha256="), BODY, NOW, TOLERANCE))
                .as("hex case does not matter").isEqualTo(VALID);
        assertThat(WebhookSignature.verify(SECRET, TS, signature, BODY, NOW.plus(TOLERANCE), TOLERANCE)).isEqualTo(VALID);
    }

    @Test
    void tamperedBodyWrongSecretOrChangedTimestampIsInvalid() {
        String signature = WebhookSignature.sign(SECRET, TS, BODY);
        byte[] tampered = "{\"eventId\":\"e1\",\"score\":0}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(SECRET, TS, signature, tampered, NOW, TOLERANCE)).isEqualTo(INVALID_SIGNATURE);
        assertThat(WebhookSignature.verify("other".getBytes(StandardCharsets.UTF_8), TS, signature, BODY, NOW, TOLERANCE))
                .isEqualTo(INVALID_SIGNATURE);
        // a replay with a fresh timestamp does not carry a valid signature: the timestamp is signed
        String fresh = String.valueOf(NOW.getEpochSecond() + 60);
        assertThat(WebhookSignature.verify(SECRET, fresh, signature, BODY, NOW, TOLERANCE)).isEqualTo(INVALID_SIGNATURE);
    }

    @Test
    void staleOrFutureTimestampIsRefused() {
        String old = String.valueOf(NOW.minus(TOLERANCE).getEpochSecond() - 1);
        assertThat(WebhookSignature.verify(SECRET, old, WebhookSignature.sign(SECRET, old, BODY), BODY, NOW, TOLERANCE))
                .isEqualTo(STALE_TIMESTAMP);
        String future = String.valueOf(NOW.plus(TOLERANCE).getEpochSecond() + 1);
        assertThat(WebhookSignature.verify(SECRET, future, WebhookSignature.sign(SECRET, future, BODY), BODY, NOW, TOLERANCE))
                .isEqualTo(STALE_TIMESTAMP);
    }

    @Test
    void missingOrMalformedHeaders() {
        String signature = WebhookSignature.sign(SECRET, TS, BODY);
        assertThat(WebhookSignature.verify(SECRET, TS, null, BODY, NOW, TOLERANCE)).isEqualTo(MISSING_SIGNATURE);
        assertThat(WebhookSignature.verify(SECRET, TS, " ", BODY, NOW, TOLERANCE)).isEqualTo(MISSING_SIGNATURE);
        assertThat(WebhookSignature.verify(SECRET, TS, "md5=abc", BODY, NOW, TOLERANCE)).isEqualTo(MALFORMED_SIGNATURE);
        assertThat(WebhookSignature.verify(SECRET, TS, "sha256=xyz", BODY, NOW, TOLERANCE)).isEqualTo(MALFORMED_SIGNATURE);
        assertThat(WebhookSignature.verify(SECRET, null, signature, BODY, NOW, TOLERANCE)).isEqualTo(MISSING_TIMESTAMP);
        assertThat(WebhookSignature.verify(SECRET, "yesterday", signature, BODY, NOW, TOLERANCE)).isEqualTo(MISSING_TIMESTAMP);
    }

    private static final class KnownVector {
        static final String HEX = "403f0436c0b63883fdb5db87fdaa932451e1eb4b48c6b928cd6753002b166d15";
    }
}
