package io.rhythm.nps.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(example = """
        {"closeDate": "2026-10-28"}""")
public record ExtendRequest(@NotNull @Schema(description = "the new close date, after the current one") LocalDate closeDate) {
}
