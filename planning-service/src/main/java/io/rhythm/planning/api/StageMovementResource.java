package io.rhythm.planning.api;

import io.rhythm.planning.domain.Segments;
import io.rhythm.planning.domain.StageMovement.Movement;
import io.rhythm.planning.service.StageMovements;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@Path("/api/v1/plans/opportunities/stage-movements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account plans")
public class StageMovementResource {

    @Inject
    StageMovements movements;
    @Inject
    Clock clock;

    /** One page of the window's movements, with the counts of every movement over all the portfolio's opportunities. */
    public record StageMovementsView(LocalDate since, LocalDate asOf, Map<String, Integer> counts,
                                     List<StageMovements.Item> items, String nextCursor) {
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Pipeline stage movement of your portfolio (early warning)", description = "Seed 000's early "
            + "warning \"pipeline stage movement\" (monitored monthly), from the opportunities' stage history over the window "
            + "from since (default: 30 days before asOf) to the end of asOf (UTC; default today). Each opportunity is "
            + "REGRESSED (went back to an earlier open stage, or was lost, within the window), ADVANCED (moved forward, won "
            + "included, never back), STALLED (open all through the window without a change of stage; a new probability "
            + "alone is not movement) or NEW (created within the window, not moved since); closed before the window: not "
            + "listed. REGRESSED and STALLED are the warnings. Filters: owner (CSE/CAM username), segment, movement "
            + "(comma-separated, default all). counts covers every opportunity whatever the filter; items are by client "
            + "name, cursor-paged. CSEs and CAMs see their clients' opportunities only.")
    @APIResponse(responseCode = "200", description = "The window's movements")
    public StageMovementsView movements(
            @Parameter(description = "YYYY-MM-DD, start of the window; default 30 days before asOf") @QueryParam("since") String since,
            @Parameter(description = "YYYY-MM-DD, end of the window (inclusive); default today") @QueryParam("asOf") String asOf,
            @Parameter(description = "a CSE or CAM username") @QueryParam("owner") String owner,
            @Parameter(description = "MAINTAIN, LEVERAGE, NURTURE, COLLABORATE, SLEEPING_GIANTS, GIANTS") @QueryParam("segment") String segment,
            @Parameter(description = "REGRESSED, STALLED, ADVANCED, NEW (comma-separated)") @QueryParam("movement") String movement,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        LocalDate end = AsOf.parse(asOf, clock);
        LocalDate start;
        try {
            start = since == null ? end.minusDays(30) : LocalDate.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.invalid("since", "must be a date YYYY-MM-DD");
        }
        if (start.isAfter(end)) {
            throw ApiException.invalid("since", "must not be after asOf");
        }
        if (end.getYear() > 2100 || start.getYear() < 2000) {
            throw ApiException.invalid("asOf", "since and asOf must be between 2000 and 2100");
        }
        String seg = segment == null ? null : Segments.canonical(segment)
                .orElseThrow(() -> ApiException.invalid("segment", "must be one of " + Segments.allowed()));
        PageRequest page = PageRequest.of(limit, cursor);
        var result = movements.movements(start, end, owner, seg, movements(movement), page);
        return new StageMovementsView(start, end, result.counts(), result.page().items(), result.page().nextCursor());
    }

    private static Set<Movement> movements(String movement) {
        if (movement == null) {
            return EnumSet.allOf(Movement.class);
        }
        Set<Movement> wanted = EnumSet.noneOf(Movement.class);
        for (String part : movement.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            Movement m = Arrays.stream(Movement.values()).filter(v -> v.name().equals(name)).findFirst()
                    .orElseThrow(() -> ApiException.invalid("movement", "must be REGRESSED, STALLED, ADVANCED or NEW (comma-separated)"));
            wanted.add(m);
        }
        return wanted;
    }
}
