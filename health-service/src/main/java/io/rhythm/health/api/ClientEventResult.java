package io.rhythm.health.api;

import io.rhythm.health.domain.crm.RowProblem;

import java.util.List;
import java.util.Map;

/**
 * @param outcome ACCEPTED, DUPLICATE (event id seen before), UNMATCHED (no such client: kept in the
 *                unmatched queue) or REJECTED (see errors)
 * @param metrics the client's support or financial inputs derived after this call's events (those that
 *                changed were ingested as signals)
 */
public record ClientEventResult(int row, String eventId, String outcome, String clientId, String detail,
                                Map<String, Double> metrics, List<RowProblem> errors) {
}
