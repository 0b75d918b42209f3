package io.rhythm.nps.api;

import io.rhythm.nps.domain.letters.BuTalkingPoints;
import io.rhythm.nps.domain.letters.BusinessUnitPoints;

import java.time.Instant;

/** A business unit's talking points in a cycle and their approval. */
public record TalkingPointsView(String cycleId, String businessUnit, String status, BusinessUnitPoints points,
                                Instant generatedAt, String generatedBy, Instant approvedAt, String approvedBy) {

    static TalkingPointsView of(BuTalkingPoints stored, BusinessUnitPoints points) {
        return new TalkingPointsView(stored.key.cycleId().toString(), stored.key.businessUnit(), stored.status, points,
                stored.generatedAt, stored.generatedBy, stored.approvedAt, stored.approvedBy);
    }
}
