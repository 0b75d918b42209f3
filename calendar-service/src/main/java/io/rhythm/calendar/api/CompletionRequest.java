package io.rhythm.calendar.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marks a deliverable done; the note says what was delivered or where it is. */
@Schema(example = """
        {"note": "Validated lists uploaded to HubSpot"}""")
public record CompletionRequest(@Size(max = 2000) String note) {
}
