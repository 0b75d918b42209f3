package io.rhythm.platform.events.payload;

import java.time.Instant;

/**
 * A workflow instance ended: {@code status} COMPLETED after its last step, or ENDED by a decision ({@code outcome},
 * e.g. WILL_NOT_RENEW; {@code attritionRisk} true when that outcome is an attrition risk for the plan's risk register).
 */
public record WorkflowCompleted(String workflowId, String clientId, String templateKey, String status, String outcome,
                                boolean attritionRisk, Instant endedAt) {
}
