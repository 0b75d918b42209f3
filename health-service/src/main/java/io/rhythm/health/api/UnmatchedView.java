package io.rhythm.health.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.rhythm.health.domain.UnmatchedRecord;

import java.time.Instant;

public record UnmatchedView(String id, String source, String kind, String externalId, String reason,
                            @JsonRawValue String payload, Instant receivedAt) {

    public static UnmatchedView of(UnmatchedRecord r) {
        return new UnmatchedView(r.id.toString(), r.source, r.kind, r.externalId, r.reason, r.payload, r.receivedAt);
    }
}
