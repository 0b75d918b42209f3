package io.rhythm.nps.api;

import io.rhythm.platform.web.problem.ApiException;

import java.util.UUID;

/** Optional query parameters parsed with a 400 field error (not a framework 404) when malformed. */
final class QueryParams {

    private QueryParams() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be a UUID");
        }
    }
}
