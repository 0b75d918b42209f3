package io.rhythm.planning.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(example = """
        {"kind": "UPDATE", "onDate": "2026-04-30", "note": "Backlog down from 14 to 6 tickets", "actionId": null}""")
public record SapProgressRequest(
        @NotNull @Pattern(regexp = "UPDATE|REVIEW", message = "must be UPDATE (monthly) or REVIEW (quarterly)") String kind,
        @NotNull LocalDate onDate,
        @NotBlank @Size(max = 4000) String note,
        @Schema(description = "the action this progress is about (optional)") UUID actionId) {
}
