package io.rhythm.health.api;

import io.rhythm.platform.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One client as a screen shows it, read in one request: each part is what the part's own endpoint answers this
 * caller (same rows, same shape), so a composed view (the gateway's Client 360) needs one call instead of six.
 */
@Schema(name = "ClientOverview")
public record ClientOverviewView(
        String clientId,
        @Schema(description = "the day receivables are aged to (YYYY-MM-DD)") LocalDate asOf,
        @Schema(description = "as GET /api/v1/clients/{id}") ClientView client,
        @Schema(description = "active contacts by name, as GET /api/v1/clients/{id}/contacts?limit=200 (nextCursor continues there)") Page<ContactView> contacts,
        @Schema(description = "as GET /api/v1/clients/{id}/health; null while the client has no score", nullable = true) ClientHealthView health,
        @Schema(description = "the last 12 months of scores, newest first, as GET /api/v1/clients/{id}/health/history (its first page)") Page<HealthHistoryItem> history,
        @Schema(description = "as GET /api/v1/clients/{id}/receivables?asOf=; null when the caller's role may not read it (listed in withheld)", nullable = true) WorkingCapitalResource.ClientReceivablesView receivables,
        @Schema(description = "alerts not RESOLVED, newest first, at most 200 (nextCursor set when more are open)") Page<AlertView> openAlerts,
        @Schema(description = "parts left out because the caller's role may not read them (receivables: marketing)") List<String> withheld) {
}
