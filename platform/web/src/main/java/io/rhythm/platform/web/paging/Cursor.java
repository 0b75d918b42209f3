package io.rhythm.platform.web.paging;

import io.rhythm.platform.web.problem.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset position in a stably ordered collection: the sort value and the id of the last row
 * returned (the id breaks ties). Encoded opaque (base64url) so clients do not build their own.
 */
public record Cursor(String sortValue, String id) {

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\u001f';

    public String encode() {
        String raw = VERSION + SEPARATOR + sortValue + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
                throw invalid();
            }
            return new Cursor(parts[1], parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The sort value as a date, for collections ordered by a date. */
    public java.time.LocalDate sortDate() {
        try {
            return java.time.LocalDate.parse(sortValue);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The sort value as a decimal number, for collections ordered by an amount. */
    public java.math.BigDecimal sortDecimal() {
        try {
            return new java.math.BigDecimal(sortValue);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The tie-breaking id as a UUID. */
    public java.util.UUID uuid() {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.invalid("cursor", "is not a cursor issued by this API; use nextCursor from the previous page");
    }
}
