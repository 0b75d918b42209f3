package io.rhythm.health.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.health.domain.SignalInput;
import io.rhythm.health.domain.crm.RowProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads Segment-spec {@code track} and {@code group} calls as signals: the account is {@code groupId}
 * (a Rhythm client id, or the client's external id for source {@code segment}), the time is
 * {@code timestamp}, and each numeric property ({@code track}) or trait ({@code group}) that names an
 * input of the active model — in full ({@code usage.active_users_pct}) or by its last part
 * ({@code active_users_pct}) — is one signal with event id {@code messageId:metric}. Other properties
 * are ignored and listed.
 */
@ApplicationScoped
public class SegmentMessages {

    public static final String SOURCE = "segment";
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    HealthScoring scoring;
    @Inject
    Clock clock;

    public record Read(List<SignalInput> signals, List<String> ignored, List<RowProblem> problems) {
    }

    public Read read(JsonNode message) {
        List<RowProblem> problems = new ArrayList<>();
        if (message == null || !message.isObject()) {
            return new Read(List.of(), List.of(), List.of(new RowProblem("message", "must be a JSON object")));
        }
        String type = text(message, "type");
        if (!"track".equals(type) && !"group".equals(type)) {
            problems.add(new RowProblem("type", "must be track or group"));
        }
        String messageId = text(message, "messageId");
        if (messageId == null || messageId.length() > 150) {
            problems.add(new RowProblem("messageId", "is required (at most 150 characters)"));
        }
        String groupId = text(message, "groupId");
        if (groupId == null) {
            problems.add(new RowProblem("groupId", "is required: the account (client) the call is about"));
        }
        Instant timestamp = null;
        String time = text(message, "timestamp");
        if (time == null) {
            problems.add(new RowProblem("timestamp", "is required"));
        } else {
            try {
                timestamp = Instant.parse(time);
                if (timestamp.isAfter(Instant.now(clock).plus(MAX_CLOCK_SKEW))) {
                    problems.add(new RowProblem("timestamp", "is in the future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new RowProblem("timestamp", "must be an ISO-8601 instant"));
            }
        }
        JsonNode values = "group".equals(type) ? message.path("traits") : message.path("properties");
        if (!values.isObject()) {
            problems.add(new RowProblem("group".equals(type) ? "traits" : "properties", "must be an object"));
        }
        if (!problems.isEmpty()) {
            return new Read(List.of(), List.of(), problems);
        }
        Map<String, String> metrics = new HashMap<>();
        for (String key : scoring.activeModel().metricKeys()) {
            metrics.put(key, key);
            metrics.putIfAbsent(key.substring(key.indexOf('.') + 1), key);
        }
        UUID clientId = uuid(groupId);
        List<SignalInput> signals = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Instant at = timestamp;
        values.fields().forEachRemaining(field -> {
            String metric = metrics.get(field.getKey());
            if (metric == null || !field.getValue().isNumber() || !Double.isFinite(field.getValue().asDouble())) {
                ignored.add(field.getKey());
                return;
            }
            signals.add(new SignalInput(messageId + ":" + metric, clientId, clientId == null ? SOURCE : null,
                    clientId == null ? groupId : null, metric, field.getValue().asDouble(), at));
        });
        if (signals.isEmpty()) {
            problems.add(new RowProblem("group".equals(type) ? "traits" : "properties",
                    "names no input of the scoring model (e.g. active_users_pct, open_urgent_tickets, csat_pct)"));
        }
        return new Read(signals, ignored, problems);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
