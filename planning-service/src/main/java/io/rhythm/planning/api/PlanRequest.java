package io.rhythm.planning.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(example = """
        {"clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11", "fiscalYear": "FY27", "title": "SA Health account plan FY27"}""")
public record PlanRequest(
        @NotNull UUID clientId,
        @Pattern(regexp = "FY(20)?\\d{2}", message = "must look like FY27 or FY2027") @Schema(description = "default: the current fiscal year; FY2027 is stored as FY27")
        String fiscalYear,
        @NotBlank @Size(max = 200) String title) {
}
