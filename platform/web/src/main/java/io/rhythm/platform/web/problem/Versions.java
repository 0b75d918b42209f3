package io.rhythm.platform.web.problem;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a resource's version is its {@code ETag}; an update must send
 * it back in {@code If-Match}. Missing → 428, stale → 412.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag("v" + version);
    }

    /** @throws ApiException 428 without If-Match, 412 when it names another version */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED,
                    "Send the resource's ETag in If-Match to update it (current version: \"v" + currentVersion + "\")");
        }
        String expected = "\"v" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(expected) || tag.equals("W/" + expected)) {
                return;
            }
        }
        throw new ApiException(ProblemType.PRECONDITION_FAILED,
                "The resource has changed since you read it: If-Match " + ifMatch + " but current ETag is " + expected);
    }
}
