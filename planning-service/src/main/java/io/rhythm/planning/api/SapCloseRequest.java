package io.rhythm.planning.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"summary": "NPS back to 8; detractor converted to passive"}""")
public record SapCloseRequest(@NotBlank @Size(max = 4000) String summary) {
}
