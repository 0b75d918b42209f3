package io.rhythm.health.api;

import io.rhythm.health.domain.crm.RowProblem;

import java.util.List;

/**
 * @param outcome ACCEPTED, DUPLICATE (event id seen before), STALE (stored, but older than what is known),
 *                UNMATCHED (no such client: kept in the unmatched queue) or REJECTED (see errors)
 */
public record SignalResult(int row, String eventId, String outcome, String clientId, String detail, List<RowProblem> errors) {
}
