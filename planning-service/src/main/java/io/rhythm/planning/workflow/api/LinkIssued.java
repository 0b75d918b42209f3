package io.rhythm.planning.workflow.api;

import java.time.Instant;

/** A client-facing link: the URL is shown once (only the token's hash is stored) and e-mailed to the recipient. */
public record LinkIssued(String url, String token, String email, int position, Instant expiresAt, boolean mailed) {
}
