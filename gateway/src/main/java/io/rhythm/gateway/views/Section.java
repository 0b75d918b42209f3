package io.rhythm.gateway.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One part of a view and where it came from. {@code AVAILABLE}: {@code data} holds it; {@code EMPTY}: the service
 * answered that there is none (404); {@code FORBIDDEN}: the caller's role may not read it; {@code UNAVAILABLE}: the
 * service is down, slow, erroring, or does not offer this part yet — {@code reason} says which, and the view lists
 * the section in {@code degraded}. Nothing is ever filled in for a missing part.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ViewSection", description = "One section of a composed view")
public record Section(
        @Schema(enumeration = {"AVAILABLE", "EMPTY", "FORBIDDEN", "UNAVAILABLE"}, required = true) String status,
        @Schema(description = "the service(s) it comes from, e.g. health-service") String source,
        @Schema(description = "why it is not AVAILABLE") String reason,
        @Schema(description = "the section's content when AVAILABLE (shape per section, see the view's description)") Object data) {

    public static final String AVAILABLE = "AVAILABLE";
    public static final String EMPTY = "EMPTY";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String UNAVAILABLE = "UNAVAILABLE";

    public static Section available(String source, Object data) {
        return new Section(AVAILABLE, source, null, data);
    }

    public static Section unavailable(String source, String reason) {
        return new Section(UNAVAILABLE, source, reason, null);
    }

    public static Section empty(String source, String reason) {
        return new Section(EMPTY, source, reason, null);
    }

    public static Section forbidden(String source, String reason) {
        return new Section(FORBIDDEN, source, reason, null);
    }

    /** The names of the UNAVAILABLE sections, in order: a view's {@code degraded} list. */
    public static java.util.List<String> degraded(java.util.Map<String, Section> sections) {
        return sections.entrySet().stream().filter(e -> UNAVAILABLE.equals(e.getValue().status()))
                .map(java.util.Map.Entry::getKey).toList();
    }

    public boolean isAvailable() {
        return AVAILABLE.equals(status);
    }
}
