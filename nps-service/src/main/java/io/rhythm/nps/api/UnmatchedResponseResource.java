package io.rhythm.nps.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The unmatched queue: imported or webhook answers whose respondent matched no single contact. */
@Path("/api/v1/nps/responses/unmatched")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey responses")
public class UnmatchedResponseResource {

    static final List<String> SOURCES = List.of("hubspot", "webhook");

    @Inject
    EntityManager em;

    /** One unmatched answer with what was received, as it was received. */
    public record UnmatchedView(String id, String source, String cycleId, String email, String reason, JsonNode payload,
                                Instant receivedAt) {
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Answers that matched no single contact, newest first", description = "From the HubSpot import "
            + "(source hubspot) and the survey webhook (source webhook): the email, why it did not match, and the row or body "
            + "as received. Filters: source, cycleId. Cursor paging.")
    public Page<UnmatchedView> list(@QueryParam("source") String source, @QueryParam("cycleId") UUID cycleId,
                                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder sql = new StringBuilder("select id, source, cycle_id, email, reason, cast(payload as text), received_at "
                + "from unmatched_response where true");
        List<Object> args = new ArrayList<>();
        if (source != null && !source.isBlank()) {
            String s = source.strip().toLowerCase(Locale.ROOT);
            if (!SOURCES.contains(s)) {
                throw ApiException.invalid("source", "must be one of " + SOURCES);
            }
            args.add(s);
            sql.append(" and source = ?").append(args.size());
        }
        if (cycleId != null) {
            args.add(cycleId);
            sql.append(" and cycle_id = ?").append(args.size());
        }
        if (page.after() != null) {
            Instant after;
            try {
                after = Instant.parse(page.after().sortValue());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("cursor", "is not a cursor issued by this API; use nextCursor from the previous page");
            }
            args.add(Timestamp.from(after));
            int t = args.size();
            args.add(page.after().uuid());
            sql.append(" and (received_at < ?").append(t).append(" or (received_at = ?").append(t).append(" and id < ?")
                    .append(args.size()).append("))");
        }
        args.add(page.fetchSize());
        sql.append(" order by received_at desc, id desc limit ?").append(args.size());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        List<UnmatchedView> rows = ((List<?>) query.getResultList()).stream().map(r -> {
            Object[] c = (Object[]) r;
            return new UnmatchedView(c[0].toString(), (String) c[1], c[2] == null ? null : c[2].toString(), (String) c[3],
                    (String) c[4], readTree((String) c[5]), SqlValues.instant(c[6]));
        }).toList();
        return Page.of(rows, page, v -> new Cursor(v.receivedAt().toString(), v.id()), v -> v);
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
