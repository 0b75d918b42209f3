package io.rhythm.nps.domain.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secrets in survey links: single-use, unguessable, never stored.
 *
 * <ul>
 *   <li>A token is {@value #TOKEN_BYTES} bytes (256 bits) from {@link SecureRandom}, URL-safe Base64
 *       without padding: {@value #TOKEN_LENGTH} characters of {@code [A-Za-z0-9_-]}, usable in a path as it is.</li>
 *   <li>Only its SHA-256 ({@link #hash}) is stored and looked up. A token has the full 256 bits of entropy,
 *       so a fast unsalted hash is enough: nothing can be brute-forced back from a leaked hash (unlike a
 *       password, there is no small space of likely values to try).</li>
 *   <li>{@link #isWellFormed} rejects anything that cannot be a token before it reaches the database.</li>
 * </ul>
 * Thread-safe.
 */
public final class SurveyTokens {

    public static final int TOKEN_BYTES = 32;
    public static final int TOKEN_LENGTH = 43;
    public static final int HASH_BYTES = 32;

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{" + TOKEN_LENGTH + "}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public SurveyTokens() {
        this(new SecureRandom());
    }

    public SurveyTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new random token. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether a string has the form of a token (length and alphabet); says nothing about whether it was issued. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORM.matcher(candidate).matches();
    }

    /** The SHA-256 of a token's characters: what is stored and looked up. */
    public static byte[] hash(String token) {
        Objects.requireNonNull(token, "token");
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
