package io.rhythm.nps.api;

import io.rhythm.nps.domain.Delivery;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"delivery": "EXTERNAL", "tool": "HubSpot"}""")
public record DeliveryRequest(
        @NotNull @Schema(description = "RHYTHM (Rhythm e-mails invitations and reminders) or EXTERNAL (HubSpot or another tool does)")
        Delivery delivery,
        @Size(max = 60) @Schema(description = "the tool that delivers an EXTERNAL cycle; default HubSpot") String tool) {
}
