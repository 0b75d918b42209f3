package io.rhythm.nps.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(example = """
        {"name": "NPS Q4 2026", "openDate": "2026-10-07", "closeDate": "2026-10-21"}""")
public record CycleRequest(
        @NotBlank @Size(max = 120) String name,
        @NotNull LocalDate openDate,
        @Schema(description = "default: day 14 after the open date (Appendix A)") LocalDate closeDate) {
}
