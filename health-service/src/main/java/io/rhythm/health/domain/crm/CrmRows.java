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
}
