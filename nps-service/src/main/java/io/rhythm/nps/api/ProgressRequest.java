package io.rhythm.nps.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(example = """
        {"reportedOn": "2026-07-02", "text": "UI refresh in beta with two clients", "percentComplete": 40}""")
public record ProgressRequest(
        @Schema(description = "default today; not in the future") LocalDate reportedOn,
        @NotBlank @Size(max = 5000) String text,
        @NotNull @Min(0) @Max(100) Integer percentComplete) {
}
