package io.rhythm.planning.api;

import io.rhythm.planning.domain.AttritionRisk;
import io.rhythm.platform.events.payload.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RiskView(String id, String planId, String clientId, String description, Money amount, String fiscalYear,
                       String status, int probability, String mitigationPlan, String owner, long version,
                       @Schema(description = "What wrote the risk when not a person, e.g. workflow:<id> for an Annual "
                               + "Renewal that ended \"will not renew\"; null for risks entered through the API") String source) {

    public static RiskView of(AttritionRisk r) {
        return new RiskView(r.id.toString(), r.planId.toString(), r.clientId.toString(), r.description,
                Money.of(r.amount, r.currency), r.fiscalYear, r.status.name(), r.probability, r.mitigationPlan, r.owner,
                r.version, r.sourceRef);
    }
}
