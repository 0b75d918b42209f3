package io.rhythm.nps.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marks a passive's or promoter's follow-up done, with what came of it (optional). */
@Schema(name = "FollowUpCompletion", example = """
        {"outcome": "Agreed to be a reference for the Q1 prospects"}""")
public record FollowUpCompletion(@Size(max = 4000) String outcome) {
}
