package io.rhythm.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One write through the gateway, as stored: who (token subject, username or integration client id, realm roles),
 * what (method, route template, the ids in the path), the outcome status, the correlation id and when.
 */
public record AuditEntry(UUID id, Instant at, String actorKind, String actorSubject, String actorUsername,
                         List<String> roles, String method, String route, List<String> targetIds, int status,
                         String correlationId) {
}
