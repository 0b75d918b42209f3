package io.rhythm.health.api;

import io.rhythm.health.domain.alerts.AlertStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves an alert to its next status, with a note for the record. */
@Schema(name = "AlertTransitionRequest", example = """
        {"to": "ACKNOWLEDGED", "note": "Reviewed the account; calling the sponsor today"}""")
public record AlertTransitionRequest(@NotNull AlertStatus to, @Size(max = 2000) String note) {
}
