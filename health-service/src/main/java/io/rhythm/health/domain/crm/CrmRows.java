package io.rhythm.health.domain.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Reading loosely typed CRM export cells, collecting problems instead of failing on the first. */
final class CrmRows {

    private CrmRows() {
    }

    static String text(Map<String, ?> row, String field) {
        Object value = row.get(field);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    static String required(Map<String, ?> row, String field, List<RowProblem> problems) {
        String value = text(row, field);
        if (value == null) {
            problems.add(new RowProblem(field, "is required"));
        }
        return value;
    }

    /** Required text of at most {@code max} characters. */
    static String required(Map<String, ?> row, String field, int max, List<RowProblem> problems) {
        String value = required(row, field, problems);
        if (value != null && value.length() > max) {
            problems.add(new RowProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        return value;
    }

    static BigDecimal money(Map<String, ?> row, String field, List<RowProblem> problems) {
        String value = text(row, field);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.replace(",", ""));
            if (amount.signum() < 0) {
                problems.add(new RowProblem(field, "must not be negative"));
                return null;
            }
            if (amount.precision() - amount.scale() > 15) {
                problems.add(new RowProblem(field, "must have at most 15 digits before the decimal point"));
                return null;
            }
            return amount.setScale(2, RoundingMode.HALF_EVEN);
        } catch (NumberFormatException e) {
            problems.add(new RowProblem(field, "'" + value + "' is not a number"));
            return null;
        }
    }

    static LocalDate date(Map<String, ?> row, String field, List<RowProblem> problems) {
        String value = text(row, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            problems.add(new RowProblem(field, "'" + value + "' is not an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }

    /**
     * The day a company became a customer, from the first of {@code fields} that has a value: an ISO date or
     * date-time (the first 10 characters are the day), or epoch milliseconds (HubSpot's older APIs), read in UTC.
     * A day after {@code today} is a problem (a typo'd year would make an old customer "new" for years).
     */
    static LocalDate customerSince(Map<String, ?> row, List<String> fields, LocalDate today, List<RowProblem> problems) {
        for (String field : fields) {
            String value = text(row, field);
            if (value == null) {
                continue;
            }
            LocalDate day = value.matches("\\d{11,15}")
                    ? java.time.Instant.ofEpochMilli(Long.parseLong(value)).atZone(java.time.ZoneOffset.UTC).toLocalDate()
                    : date(row, field, problems);
            if (day != null && day.isAfter(today)) {
                problems.add(new RowProblem(field, "'" + value + "' is in the future (today is " + today + ")"));
                return null;
            }
            return day;
        }
        return null;
    }

    /** An optional Rhythm lifecycle stage (any case); null when absent or not a stage (then a problem). */
    static io.rhythm.health.domain.LifecycleStage stage(Map<String, ?> row, String field, List<RowProblem> problems) {
        String value = text(row, field);
        if (value == null) {
            return null;
        }
        try {
            return io.rhythm.health.domain.LifecycleStage.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new RowProblem(field, "'" + value + "' must be one of "
                    + java.util.Arrays.toString(io.rhythm.health.domain.LifecycleStage.values())));
            return null;
        }
    }

    static String currency(Map<String, ?> row, String field, String fallback, List<RowProblem> problems) {
        String value = text(row, field);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[A-Za-z]{3}")) {
            problems.add(new RowProblem(field, "'" + value + "' is not an ISO 4217 currency code"));
            return null;
        }
        return value.toUpperCase(java.util.Locale.ROOT);
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    /** An optional email address, checked for shape and length. */
    static String email(Map<String, ?> row, String field, List<RowProblem> problems) {
        String value = text(row, field);
        if (value == null) {
            return null;
        }
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            problems.add(new RowProblem(field, "'" + value + "' is not an email address"));
            return null;
        }
        return value;
    }

    /** Optional text of at most {@code max} characters. */
    static String limited(Map<String, ?> row, String field, int max, List<RowProblem> problems) {
        String value = text(row, field);
        if (value != null && value.length() > max) {
            problems.add(new RowProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        return value;
    }

    /** An optional yes/no cell (true/false, yes/no, 1/0 as text or JSON); absent is false. */
    static boolean flag(Map<String, ?> row, String field, List<RowProblem> problems) {
        String value = text(row, field);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                problems.add(new RowProblem(field, "'" + value + "' is not true or false"));
                yield false;
            }
        };
    }

    /** "First Last", or whichever is given; null when neither is. */
    static String personName(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
