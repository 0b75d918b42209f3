package io.rhythm.platform.web.paging;

import io.rhythm.platform.web.problem.ApiException;

/**
 * {@code ?limit=&cursor=} of a collection endpoint. Limit 1–{@value #MAX_LIMIT}, default
 * {@value #DEFAULT_LIMIT}; the cursor is the opaque {@code nextCursor} of the previous page.
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** @throws ApiException (400, with field errors) for a bad limit or a cursor this API did not issue */
    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor));
    }

    /** Rows to fetch: one more than the limit tells whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}
