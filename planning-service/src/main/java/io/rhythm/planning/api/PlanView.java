package io.rhythm.planning.api;

import io.rhythm.planning.domain.AccountPlan;

import java.time.Instant;

public record PlanView(String id, String clientId, String clientName, String fiscalYear, String title, String owner,
                       Instant createdAt) {

    public static PlanView of(AccountPlan p, String clientName) {
        return new PlanView(p.id.toString(), p.clientId.toString(), clientName, p.fiscalYear, p.title, p.owner, p.createdAt);
    }
}
