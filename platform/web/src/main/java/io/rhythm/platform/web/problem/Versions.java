package io.rhythm.platform.web.problem;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a resource's version is its {@code ETag}; an update must send
 * it back in {@code If-Match}. Missing → 428, stale → 412. Conditional reads: a GET whose
 * {@code If-None-Match} names the current ETag answers 304 ({@link #notModified}).
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
        if (lists(ifMatch, expected)) {
            return;
        }
        throw new ApiException(ProblemType.PRECONDITION_FAILED,
                "The resource has changed since you read it: If-Match " + ifMatch + " but current ETag is " + expected);
    }

    /**
     * A conditional GET (RFC 9110 §13.1.2): true when {@code ifNoneMatch} is {@code *} or lists {@code current} (weak
     * comparison: {@code W/} is ignored on either side), so the answer is 304 Not Modified without a body. Anything else,
     * including a malformed header, is no match (the full answer).
     */
    public static boolean notModified(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || current == null) {
            return false;
        }
        return lists(ifNoneMatch, "\"" + current.getValue() + "\"");
    }

    /** Whether a list of entity tags (If-Match, If-None-Match) is {@code *} or holds {@code expected}, weak or strong. */
    private static boolean lists(String header, String expected) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(expected) || tag.equals("W/" + expected)) {
                return true;
            }
        }
        return false;
    }
}
