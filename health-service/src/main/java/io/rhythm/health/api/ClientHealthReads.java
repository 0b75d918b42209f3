package io.rhythm.health.api;

import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.scoring.HealthFlags;
import io.rhythm.health.domain.scoring.ScoreComparison;
import io.rhythm.health.service.HealthScoring;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A visible client's score explained and its score history, as {@code GET /clients/{id}/health} and
 * {@code …/health/history} answer them and as the client overview repeats them (one way of reading each).
 * Callers check access first.
 */
@ApplicationScoped
public class ClientHealthReads {

    @Inject
    HealthScoring scoring;
    @Inject
    Clock clock;

    /** The latest score with the change since the previous one and a month ago; empty when the client has no score. */
    public Optional<ClientHealthView> explained(Client client) {
        UUID id = client.id;
        Optional<HealthScoring.StoredScore> found = scoring.latest(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HealthScoring.StoredScore latest = found.get();
        Optional<HealthScoring.StoredScore> previous = scoring.history(id, Instant.EPOCH, latest.scoredAt(), latest.scoredAt(),
                latest.id(), 1).stream().findFirst();
        Optional<HealthScoring.StoredScore> monthAgo = scoring.scoreAt(id,
                latest.scoredAt().atZone(ZoneOffset.UTC).minusMonths(1).toInstant());
        var score = latest.score();
        List<String> flags = HealthFlags.evaluate(score.score(), previous.map(p -> p.score().score()).orElse(null),
                monthAgo.map(m -> m.score().score()).orElse(null)).stream().map(Enum::name).sorted().toList();
        return Optional.of(new ClientHealthView(id.toString(), client.name, latest.scoredAt(), score.score(), score.band(),
                score.modelVersion(), score.stage(), score.dataCoverage(), score.components(),
                previous.map(p -> change(p, latest)).orElse(null), monthAgo.map(m -> change(m, latest)).orElse(null),
                flags, latest.triggerKind(), latest.triggerId()));
    }

    /** A page of the score history, newest first, from..to (ISO-8601 instants; default the last 12 months). */
    public Page<HealthHistoryItem> history(UUID id, String from, String to, PageRequest page) {
        Instant end = to == null ? Instant.now(clock) : instant("to", to);
        Instant start = from == null ? end.atZone(ZoneOffset.UTC).minusMonths(12).toInstant() : instant("from", from);
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        Instant beforeAt = null;
        Long beforeId = null;
        if (page.after() != null) {
            beforeAt = instant("cursor", page.after().sortValue());
            try {
                beforeId = Long.valueOf(page.after().id());
            } catch (NumberFormatException e) {
                throw ApiException.invalid("cursor", "is not a cursor issued by this API");
            }
        }
        List<HealthScoring.StoredScore> rows = scoring.history(id, start, end, beforeAt, beforeId, page.fetchSize());
        return Page.of(rows, page, s -> new Cursor(s.scoredAt().toString(), String.valueOf(s.id())),
                s -> new HealthHistoryItem(s.scoredAt(), s.score().score(), s.score().band(), s.score().modelVersion(),
                        s.triggerKind(), s.triggerId()));
    }

    private static ClientHealthView.Change change(HealthScoring.StoredScore earlier, HealthScoring.StoredScore later) {
        ScoreComparison comparison = ScoreComparison.between(earlier.score(), later.score());
        return new ClientHealthView.Change(earlier.scoredAt(), comparison.previousScore(), comparison.previousBand(),
                comparison.delta(), comparison.drivers());
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
