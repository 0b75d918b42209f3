package io.rhythm.nps.domain.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Verifies the survey webhook's signature: the shared secret is the sender's only credential.
 *
 * <ul>
 *   <li>Header {@value #TIMESTAMP_HEADER}: the send time in epoch seconds.</li>
 *   <li>Header {@value #SIGNATURE_HEADER}: {@code sha256=<hex>}, the HMAC-SHA256 with the shared secret of
 *       {@code <timestamp> + "." + <raw body bytes>}. The timestamp is signed with the body, so a captured
 *       request cannot be replayed later with a fresh timestamp; within the tolerance the event id stops
 *       repeats.</li>
 *   <li>The signature is compared in constant time ({@link MessageDigest#isEqual}); a timestamp further than
 *       the tolerance from now (either way) is stale.</li>
 * </ul>
 * Thread-safe, no state.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Rhythm-Signature";
    public static final String TIMESTAMP_HEADER = "X-Rhythm-Timestamp";
    private static final String PREFIX = "sha256=";
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    private WebhookSignature() {
    }

    public enum Verdict {
        VALID("valid"),
        MISSING_SIGNATURE("the " + SIGNATURE_HEADER + " header is missing"),
        MALFORMED_SIGNATURE("the " + SIGNATURE_HEADER + " header must be sha256=<64 hex digits>"),
        MISSING_TIMESTAMP("the " + TIMESTAMP_HEADER + " header (epoch seconds) is missing or not a number"),
        INVALID_SIGNATURE("the signature does not match the body and timestamp"),
        STALE_TIMESTAMP("the " + TIMESTAMP_HEADER + " is outside the accepted tolerance (replayed or clock skew)");

        private final String detail;

        Verdict(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    public static Verdict verify(byte[] secret, String timestamp, String signature, byte[] body, Instant now,
                                 Duration tolerance) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        if (signature == null || signature.isBlank()) {
            return Verdict.MISSING_SIGNATURE;
        }
        String value = signature.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || !HEX.matcher(value.substring(PREFIX.length())).matches()) {
            return Verdict.MALFORMED_SIGNATURE;
        }
        if (timestamp == null || !EPOCH_SECONDS.matcher(timestamp.strip()).matches()) {
            return Verdict.MISSING_TIMESTAMP;
        }
        byte[] expected = hmac(secret, timestamp.strip(), body == null ? new byte[0] : body);
        byte[] given = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase());
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.INVALID_SIGNATURE;
        }
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        if (Duration.between(sentAt, now).abs().compareTo(tolerance) > 0) {
            return Verdict.STALE_TIMESTAMP;
        }
        return Verdict.VALID;
    }

    /** The header value a sender computes: {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String sign(byte[] secret, String timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    private static byte[] hmac(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
