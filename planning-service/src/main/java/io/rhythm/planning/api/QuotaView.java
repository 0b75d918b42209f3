package io.rhythm.planning.api;

import io.rhythm.platform.events.payload.Money;

/** A quota and its attainment: won revenue of the owner's CLOSED_WON opportunities in plans of that fiscal year. */
public record QuotaView(String owner, String fiscalYear, Money target, Money won, String attainmentPercent, String setBy,
                        long version) {
}
