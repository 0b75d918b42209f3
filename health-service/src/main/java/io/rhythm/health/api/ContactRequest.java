package io.rhythm.health.api;

import io.rhythm.health.domain.StakeholderRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

@Schema(example = """
        {"name": "Dr Jane Citizen", "email": "jane.citizen@health.sa.example", "title": "Chief Information Officer",
         "department": "Digital Health", "stakeholderRoles": ["EXECUTIVE_SPONSOR", "DECISION_MAKER"], "subscribed": true}""")
public record ContactRequest(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) @Schema(description = "optional; a contact without one is flagged on survey recipient lists")
        String email,
        @Size(max = 200) String title,
        @Size(max = 200) String department,
        Set<StakeholderRole> stakeholderRoles,
        @Schema(defaultValue = "true", description = "default true; false: never emailed, flagged for manual outreach") Boolean subscribed,
        @Schema(defaultValue = "true", description = "default true; false: has left the client") Boolean active) {
}
