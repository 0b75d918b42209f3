package io.rhythm.segmentation.domain;

import java.util.Locale;
import java.util.Optional;

/** How often the Activity Register requires an activity; {@code AS_NEEDED} requires none. */
public enum Cadence {
    MONTHLY("Monthly", 1),
    QUARTERLY("Quarterly", 3),
    BI_ANNUAL("Bi-annual", 6),
    AS_NEEDED("As needed", 0);

    private final String displayName;
    private final int months;

    Cadence(String displayName, int months) {
        this.displayName = displayName;
        this.months = months;
    }

    public String displayName() {
        return displayName;
    }

    /** Length of the period in calendar months (0 for {@code AS_NEEDED}). */
    public int months() {
        return months;
    }

    public boolean required() {
        return months > 0;
    }

    /** "Monthly", "BI_ANNUAL", "bi-annual", "Biannual", "As needed", any case. */
    public static Optional<Cadence> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (key.equals("BIANNUAL") || key.equals("SEMI_ANNUAL") || key.equals("HALF_YEARLY")) {
            return Optional.of(BI_ANNUAL);
        }
        for (Cadence cadence : values()) {
            if (cadence.name().equals(key)) {
                return Optional.of(cadence);
            }
        }
        return Optional.empty();
    }
}
