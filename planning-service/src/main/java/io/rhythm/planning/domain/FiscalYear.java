package io.rhythm.planning.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A fiscal year labelled by the calendar year it ends in, e.g. with a July start FY27 runs from
 * 1 July 2026 to 30 June 2027. With a January start, FY26 is calendar 2026.
 */
public record FiscalYear(int endYear, int startMonth) {

    private static final Pattern LABEL = Pattern.compile("FY(\\d{2})");
    private static final Pattern ANY_LABEL = Pattern.compile("FY(\\d{2}|20\\d{2})");

    public FiscalYear {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("fiscal year start month must be 1-12: " + startMonth);
        }
    }

    public static FiscalYear containing(LocalDate date, int startMonth) {
        int endYear = startMonth == 1 || date.getMonthValue() < startMonth ? date.getYear() : date.getYear() + 1;
        return new FiscalYear(endYear, startMonth);
    }

    /** Reads {@code FY27}; null when the text is not such a label. */
    public static FiscalYear parse(String label, int startMonth) {
        var matcher = label == null ? null : LABEL.matcher(label.trim());
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        return new FiscalYear(2000 + Integer.parseInt(matcher.group(1)), startMonth);
    }

    /** Reads {@code FY28} or {@code FY2028} (the risk register keeps the label as given); null otherwise. */
    public static FiscalYear parseAny(String label, int startMonth) {
        var matcher = label == null ? null : ANY_LABEL.matcher(label.trim());
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        String digits = matcher.group(1);
        return new FiscalYear(digits.length() == 2 ? 2000 + Integer.parseInt(digits) : Integer.parseInt(digits), startMonth);
    }

    /**
     * The canonical short label of a fiscal-year label: {@code FY2026} → {@code FY26}; {@code FY26} stays;
     * anything else is returned as it is.
     */
    public static String canonical(String label) {
        if (label != null && label.matches("FY20\\d{2}")) {
            return "FY" + label.substring(4);
        }
        return label;
    }

    public String label() {
        return String.format("FY%02d", endYear % 100);
    }

    /** The long label the seeds use in the risk register, e.g. {@code FY2028}. */
    public String longLabel() {
        return "FY" + endYear;
    }

    public LocalDate firstDay() {
        return startMonth == 1 ? LocalDate.of(endYear, 1, 1) : LocalDate.of(endYear - 1, startMonth, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusYears(1).minusDays(1);
    }
}
