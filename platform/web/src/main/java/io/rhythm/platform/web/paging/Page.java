package io.rhythm.platform.web.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a collection: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if
     * present, only proves there is more and is not returned.
     */
    public static <R, T> Page<T> of(List<R> rows, PageRequest request, Function<R, Cursor> cursorOf,
                                    Function<R, T> toItem) {
        boolean more = rows.size() > request.limit();
        List<R> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }

    /** The same page with each item turned into what {@code toItem} makes of it; the cursor is kept. */
    public <U> Page<U> map(Function<? super T, ? extends U> toItem) {
        return new Page<>(items.stream().<U>map(toItem).toList(), nextCursor);
    }
}
