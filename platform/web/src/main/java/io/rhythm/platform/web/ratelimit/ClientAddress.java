package io.rhythm.platform.web.ratelimit;

import io.vertx.core.http.HttpServerRequest;

/** Who is calling, for rate limits and audit records of the public (token-only) endpoints. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The first X-Forwarded-For address (set by the gateway), else the peer's address, else "unknown". */
    public static String of(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            String first = forwarded.split(",", 2)[0].strip();
            if (!first.isEmpty()) {
                return first;
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
