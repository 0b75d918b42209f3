package io.rhythm.planning.api;

import io.rhythm.planning.domain.Opportunity;
import io.rhythm.platform.events.payload.Money;

import java.time.LocalDate;

/** An opportunity; weightedValue = value × probability / 100, rounded to the cent only here. */
public record OpportunityView(String id, String planId, String clientId, String name, String type, Money value,
                              String stage, int probability, Money weightedValue, LocalDate expectedClose, String owner,
                              String closeReason, LocalDate closedOn, long version) {

    public static OpportunityView of(Opportunity o) {
        return new OpportunityView(o.id.toString(), o.planId.toString(), o.clientId.toString(), o.name, o.type.name(),
                Money.of(o.value, o.currency), o.stage.name(), o.probability, Money.of(o.weightedValue(), o.currency),
                o.expectedClose, o.owner, o.closeReason, o.closedOn, o.version);
    }
}
