package io.rhythm.nps.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A note appended to a detractor case. */
@Schema(name = "CaseNoteRequest", example = """
        {"text": "Called the sponsor; meeting with their ops lead on Thursday"}""")
public record CaseNoteRequest(@NotBlank @Size(max = 4000) String text) {
}
