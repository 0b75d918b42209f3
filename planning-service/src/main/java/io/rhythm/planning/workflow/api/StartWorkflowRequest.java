package io.rhythm.planning.workflow.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(example = """
        {"clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11", "templateKey": "qbr"}""")
public record StartWorkflowRequest(
        @NotNull UUID clientId,
        @Size(max = 60) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a template key such as qbr")
        @Schema(description = "starts the template's latest version; give templateKey or templateId")
        String templateKey,
        @Schema(description = "a specific template version") UUID templateId) {
}
