package io.rhythm.nps.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"subject": "Your feedback in our NPS Q2 2026 survey", "body": "Dear SA Health team,\\n\\nThank you ..."}""")
public record LetterEdit(@NotBlank @Size(max = 200) String subject,
                         @NotBlank @Size(max = 20000) @Schema(description = "paragraphs separated by a blank line") String body) {
}
