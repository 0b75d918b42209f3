package io.rhythm.planning.workflow.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"email": "aroha.ngata@client.example", "recipientName": "Aroha Ngata", "validForDays": 14}""")
public record LinkRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 200) String recipientName,
        @Min(1) @Max(30) @Schema(description = "default 14") Integer validForDays) {
}
