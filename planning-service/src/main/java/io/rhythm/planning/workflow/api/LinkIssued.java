package io.rhythm.planning.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A client-facing link: the URL is shown once (only the token's hash is stored) and e-mailed to the recipient. A
 * retry with the same Idempotency-Key answers the same link without its url and token ({@code tokenWithheld}): the
 * raw token is never stored, so it cannot be replayed; the recipient has it by e-mail.
 */
public record LinkIssued(String url, String token, String email, int position, Instant expiresAt, boolean mailed,
                         @Schema(description = "true on a replay (same Idempotency-Key): url and token are shown only to "
                                 + "the first answer and are null here") boolean tokenWithheld) {

    public LinkIssued(String url, String token, String email, int position, Instant expiresAt, boolean mailed) {
        this(url, token, email, position, expiresAt, mailed, false);
    }

    /** What an Idempotency-Key replay may show (and so what the key store keeps): the link without url and token. */
    public LinkIssued withheld() {
        return new LinkIssued(null, null, email, position, expiresAt, mailed, true);
    }
}
