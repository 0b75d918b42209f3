package io.rhythm.gateway.views.agenda;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing the caller has to do, with when it is due (an instant, or a day meaning its start, UTC). */
@Schema(name = "AgendaItem")
public record AgendaItem(
        @Schema(enumeration = {"ALERT", "DETRACTOR_CASE", "SAP_UPDATE", "SAP_REVIEW", "WORKFLOW_STEP", "DELIVERABLE",
                "CADENCE_GAP", "LETTER_APPROVAL", "TALKING_POINTS_APPROVAL"}) String kind,
        String title, String clientId, String clientName,
        @Schema(description = "ISO instant or YYYY-MM-DD; absent when it has no due time") String due,
        boolean overdue,
        @Schema(description = "the item's id in its service, e.g. the alert id") String ref,
        @Schema(description = "where to act on it, a gateway path") String href) {
}
