package io.rhythm.nps.domain.pulls;

import java.util.List;
import java.util.Locale;

/**
 * A contact list as a CSV file HubSpot's contact import reads (issue 17; seed 000 Appendix A: "Upload validated list
 * to HubSpot"): one header row {@value #HEADER}, one row per contact, the columns HubSpot maps to its {@code email},
 * {@code firstname}, {@code lastname} and {@code company} properties.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Names: the directory keeps one name; the first word is the first name, the rest the last name ("Mary Jane
 *       van Dyke" → "Mary", "Jane van Dyke"); a single word is a first name only. Whitespace is collapsed.</li>
 *   <li>Fields are quoted (RFC 4180) when they contain a comma, a quote, a line break or leading/trailing space;
 *       quotes are doubled. Lines end with CRLF.</li>
 *   <li>A field starting with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, so a
 *       spreadsheet opening the file never runs it as a formula (OWASP "CSV injection").</li>
 *   <li>E-mail addresses are written trimmed and in lower case (HubSpot dedupes contacts on the address).</li>
 * </ul>
 */
public final class HubSpotContactCsv {

    public static final String HEADER = "Email,First Name,Last Name,Company Name";
    public static final String MEDIA_TYPE = "text/csv";

    private HubSpotContactCsv() {
    }

    /** One contact of the file. */
    public record Row(String email, String name, String company) {
    }

    /** First and last name of one directory name. */
    public record Name(String first, String last) {
    }

    public static Name split(String name) {
        if (name == null || name.isBlank()) {
            return new Name("", "");
        }
        String collapsed = name.strip().replaceAll("\\s+", " ");
        int space = collapsed.indexOf(' ');
        return space < 0 ? new Name(collapsed, "") : new Name(collapsed.substring(0, space), collapsed.substring(space + 1));
    }

    public static String write(List<Row> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (Row row : rows) {
            Name name = split(row.name());
            out.append(field(row.email() == null ? "" : row.email().strip().toLowerCase(Locale.ROOT))).append(',')
                    .append(field(name.first())).append(',').append(field(name.last())).append(',')
                    .append(field(row.company() == null ? "" : row.company())).append("\r\n");
        }
        return out.toString();
    }

    static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))));
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
