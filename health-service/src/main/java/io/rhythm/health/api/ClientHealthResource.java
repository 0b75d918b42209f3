package io.rhythm.health.api;

import io.rhythm.health.service.ClientAccess;
import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.scoring.HealthFlags;
import io.rhythm.health.domain.scoring.ScoreComparison;
import io.rhythm.health.service.HealthScoring;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/clients/{id}/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health scores", description = "Explainable, real-time health scores")
public class ClientHealthResource {

    @Inject
    HealthScoring scoring;
    @Inject
    ClientAccess access;
    @Inject
    Clock clock;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's health score, explained", description = "Score, band, model version, each component's "
            + "value, weight, contribution in points and inputs, and the change since the previous score and since a month "
            + "ago with the components that drove it. 404 when the client has no score yet or is outside your portfolio.")
    public ClientHealthView current(@PathParam("id") UUID id) {
        Client client = access.visible(id);
        HealthScoring.StoredScore latest = scoring.latest(id)
                .orElseThrow(() -> ApiException.notFound("Health score of client", id + " (no signals yet)"));
        Optional<HealthScoring.StoredScore> previous = scoring.history(id, Instant.EPOCH, latest.scoredAt(), latest.scoredAt(),
                latest.id(), 1).stream().findFirst();
        Optional<HealthScoring.StoredScore> monthAgo = scoring.scoreAt(id,
                latest.scoredAt().atZone(ZoneOffset.UTC).minusMonths(1).toInstant());
        var score = latest.score();
        List<String> flags = HealthFlags.evaluate(score.score(), previous.map(p -> p.score().score()).orElse(null),
                monthAgo.map(m -> m.score().score()).orElse(null)).stream().map(Enum::name).sorted().toList();
        return new ClientHealthView(id.toString(), client.name, latest.scoredAt(), score.score(), score.band(),
                score.modelVersion(), score.stage(), score.dataCoverage(), score.components(),
                previous.map(p -> change(p, latest)).orElse(null), monthAgo.map(m -> change(m, latest)).orElse(null),
                flags, latest.triggerKind(), latest.triggerId());
    }

    @GET
    @Path("/history")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's score history, newest first", description = "Every change of score or band in the "
            + "time range (ISO-8601 instants; default: the last 12 months). Cursor paging.")
    public Page<HealthHistoryItem> history(@PathParam("id") UUID id,
                                           @Parameter(description = "from (inclusive), e.g. 2026-01-01T00:00:00Z") @QueryParam("from") String from,
                                           @Parameter(description = "to (inclusive)") @QueryParam("to") String to,
                                           @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        access.visible(id);
        PageRequest page = PageRequest.of(limit, cursor);
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
