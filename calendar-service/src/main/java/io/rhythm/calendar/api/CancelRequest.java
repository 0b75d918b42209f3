package io.rhythm.calendar.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Cancels a planned activity. */
@Schema(example = """
        {"reason": "Client asked to postpone to January"}""")
public record CancelRequest(@NotBlank @Size(max = 1000) String reason) {
}
