package io.rhythm.segmentation.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The Activity Register's activity types (seed 000, Activity Register Requirements). {@link #fromLogged} maps the
 * activity types calendar-service logs onto them.
 */
public enum ActivityType {
    PARTNERSHIP_MEETING("Partnership Meetings"),
    SERVICE_REVIEW("Service Review"),
    HEALTH_CHECK("Health Check"),
    QBR("QBR"),
    EXECUTIVE_ENGAGEMENT("Executive Engagement");

    private final String displayName;

    ActivityType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Canonical, display or singular/plural spellings, any case ("Partnership Meetings", "partnership-meeting"). */
    public static Optional<ActivityType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ActivityType type : values()) {
            if (type.name().equals(key) || (type.name() + "S").equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The register type an activity logged by calendar-service counts as: the register's own names, plus the
     * older calendar types MEETING (a partnership meeting) and EXECUTIVE_BRIEFING (executive engagement). Calls,
     * emails, site visits and workshops count for no register type.
     */
    public static Optional<ActivityType> fromLogged(String loggedType) {
        Optional<ActivityType> direct = parse(loggedType);
        if (direct.isPresent() || loggedType == null) {
            return direct;
        }
        return switch (loggedType.trim().toUpperCase(Locale.ROOT)) {
            case "MEETING" -> Optional.of(PARTNERSHIP_MEETING);
            case "EXECUTIVE_BRIEFING" -> Optional.of(EXECUTIVE_ENGAGEMENT);
            default -> Optional.empty();
        };
    }
}
