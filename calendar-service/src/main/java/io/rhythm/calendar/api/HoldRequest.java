package io.rhythm.calendar.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Marks a planned activity held: on which day (past days are fine: back-filling), what came of it, who does what next. */
@Schema(example = """
        {"heldOn": "2026-12-10", "summary": "QBR with the CIO", "outcomes": "Renewal on track; roadmap session agreed",
         "actionItems": [{"description": "Send roadmap deck", "owner": "cse", "dueOn": "2026-12-17"}]}""")
public record HoldRequest(
        @NotNull LocalDate heldOn,
        @Size(max = 2000) String summary,
        @Size(max = 4000) String notes,
        @Size(max = 4000) String outcomes,
        @Size(max = 50) List<@Valid @NotNull ActionItemRequest> actionItems) {

    public record ActionItemRequest(
            @NotBlank @Size(max = 500) String description,
            @NotBlank @Size(max = 200) String owner,
            @NotNull LocalDate dueOn) {
    }
}
