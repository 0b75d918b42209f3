package io.rhythm.segmentation.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The six segments on satisfaction × spend. Maintain, Nurture and Sleeping Giants need an active
 * Satisfaction Action Plan (SAP).
 */
public enum Segment {
    MAINTAIN("Maintain", true),
    LEVERAGE("Leverage", false),
    NURTURE("Nurture", true),
    COLLABORATE("Collaborate", false),
    SLEEPING_GIANTS("Sleeping Giants", true),
    GIANTS("Giants", false);

    private final String displayName;
    private final boolean sapRequired;

    Segment(String displayName, boolean sapRequired) {
        this.displayName = displayName;
        this.sapRequired = sapRequired;
    }

    public String displayName() {
        return displayName;
    }

    public boolean sapRequired() {
        return sapRequired;
    }

    /**
     * Reads a segment name as people write it: canonical ({@code SLEEPING_GIANTS}), display
     * ({@code Sleeping Giants}) or singular ({@code Sleeping Giant}, {@code Giant}), any case.
     */
    public static Optional<Segment> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values())
                .filter(s -> s.name().equals(key) || s.name().equals(key + "S"))
                .findFirst();
    }
}
