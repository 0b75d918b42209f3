package io.rhythm.gateway.views.agenda;

import io.rhythm.gateway.views.Section;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The caller's work, ordered by due time, and where each part came from. */
@Schema(name = "Agenda")
public record AgendaView(
        String user, LocalDate asOf,
        @Schema(description = "names of the sources that are UNAVAILABLE (their items are missing from items)") List<String> degraded,
        @Schema(description = "everything due, soonest first, undated last") List<AgendaItem> items,
        @Schema(description = "per source (alerts, detractorCases, satisfactionActionPlans, workflowSteps, deliverables, cadenceGaps, approvals): status and item count in data") Map<String, Section> sources) {
}
