package io.rhythm.nps.api;

import io.rhythm.nps.domain.initiatives.InitiativeStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(example = """
        {"title": "Modernise the clinician UI", "description": "Answer the 'legacy/outdated' perception with a UI refresh and roadmap briefings",
         "owner": "avp", "themes": ["PRODUCT_PERCEPTION"], "clientIds": ["3f1c2b9e-0000-4000-8000-000000000001"],
         "status": "PLANNED", "targetDate": "2026-09-30"}""")
public record InitiativeRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @NotBlank @Size(max = 120) @Schema(description = "the person or function accountable") String owner,
        @Size(max = 20) @Schema(description = "theme codes of the taxonomy, e.g. PRODUCT_PERCEPTION")
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a theme code like PRODUCT_PERCEPTION") String> themes,
        @Size(max = 200) List<@NotNull UUID> clientIds,
        @Schema(description = "default PLANNED on create; on update, omitted keeps the current status") InitiativeStatus status,
        LocalDate targetDate) {
}
