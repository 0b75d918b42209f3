package io.rhythm.nps.api;

import io.rhythm.nps.domain.initiatives.Initiative;
import io.rhythm.nps.domain.initiatives.InitiativeStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

public record InitiativeView(String id, String title, String description, String owner, List<String> themes,
                             List<String> clientIds, InitiativeStatus status, LocalDate targetDate, Instant createdAt,
                             String createdBy, Instant updatedAt, long version) {

    public static InitiativeView of(Initiative i) {
        return new InitiativeView(i.id.toString(), i.title, i.description, i.owner, List.of(i.themes),
                Arrays.stream(i.clientIds).map(UUID::toString).toList(), i.status, i.targetDate, i.createdAt, i.createdBy,
                i.updatedAt, i.version);
    }
}
