package io.rhythm.nps.domain.initiatives;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as {@code 2026-Q2} (April–June), the period of an "NPS Initiatives Update". */
public record Quarter(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("quarter must be 1-4");
        }
    }

    /** @throws IllegalArgumentException unless the text is like {@code 2026-Q2} */
    public static Quarter parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("must be a quarter like 2026-Q2");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter containing(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate start() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    /** The last day of the quarter (inclusive). */
    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
