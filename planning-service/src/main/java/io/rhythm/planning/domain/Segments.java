package io.rhythm.planning.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Segmentation's six segment names as filters take them (either spelling of Sleeping Giant(s) and Giant(s)). */
public final class Segments {

    public static final Set<String> NAMES = Set.of("MAINTAIN", "LEVERAGE", "NURTURE", "COLLABORATE", "SLEEPING_GIANTS", "GIANTS");

    private Segments() {
    }

    /** The canonical name of {@code given} ("Sleeping Giant" → SLEEPING_GIANTS), empty when it names no segment. */
    public static Optional<String> canonical(String given) {
        if (given == null) {
            return Optional.empty();
        }
        String name = given.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if ("SLEEPING_GIANT".equals(name)) {
            name = "SLEEPING_GIANTS";
        } else if ("GIANT".equals(name)) {
            name = "GIANTS";
        }
        return NAMES.contains(name) ? Optional.of(name) : Optional.empty();
    }

    public static String allowed() {
        return String.join(", ", new TreeSet<>(NAMES));
    }
}
