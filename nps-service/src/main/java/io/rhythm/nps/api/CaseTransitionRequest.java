package io.rhythm.nps.api;

import io.rhythm.nps.domain.closedloop.CaseStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Moves a detractor case to its next status. {@code text} is the root cause (required for
 * ROOT_CAUSE_IDENTIFIED), the action plan (required for ACTION_PLANNED), or an optional note.
 */
@Schema(name = "CaseTransitionRequest", example = """
        {"to": "ROOT_CAUSE_IDENTIFIED", "text": "Reporting module feels outdated; two tickets open for 3 weeks"}""")
public record CaseTransitionRequest(@NotNull CaseStatus to, @Size(max = 4000) String text) {
}
