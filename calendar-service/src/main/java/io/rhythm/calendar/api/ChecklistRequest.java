package io.rhythm.calendar.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A checklist from a template: NPS_CYCLE (Appendix A, anchored on a survey's open date) or ACCOUNT_PLAN
 * (Appendix B for one client, kind ANNUAL or QUARTERLY, anchored on the planning event). Give either an
 * anchorDate or the eventId of the calendar event it belongs to (its first day is the anchor).
 */
@Schema(example = """
        {"template": "ACCOUNT_PLAN", "kind": "ANNUAL", "clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11",
         "eventId": "6a0f2b8e-1d3c-4e5f-8a9b-0c1d2e3f4a5b", "name": "SA Health annual account plan 2027"}""")
public record ChecklistRequest(
        @NotBlank @Pattern(regexp = "NPS_CYCLE|ACCOUNT_PLAN", message = "must be NPS_CYCLE or ACCOUNT_PLAN") String template,
        @Pattern(regexp = "ANNUAL|QUARTERLY", message = "must be ANNUAL or QUARTERLY") String kind,
        LocalDate anchorDate,
        UUID eventId,
        UUID clientId,
        @Size(max = 200) String name) {
}
