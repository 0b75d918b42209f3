package io.rhythm.health.api;

import io.rhythm.health.domain.LifecycleStage;
import io.rhythm.health.domain.scoring.Band;
import io.rhythm.health.domain.scoring.DefaultScoringModel;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/health/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health scores")
public class PortfolioResource {

    /** The six segments (segmentation-service's canonical names). */
    private static final List<String> SEGMENTS = List.of("MAINTAIN", "LEVERAGE", "NURTURE", "COLLABORATE", "SLEEPING_GIANTS", "GIANTS");
    private static final String FROM = "client c left join client_health h on h.client_id = c.id "
            + "left join client_segment s on s.client_id = c.id";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Portfolio health", description = "Your clients (CSEs and CAMs: their own) by name with their "
            + "current score and band, filtered by band (CRITICAL, AT_RISK, STABLE, HEALTHY, UNSCORED), owner (CSE or CAM "
            + "username), lifecycle stage and segment (MAINTAIN, LEVERAGE, NURTURE, COLLABORATE, SLEEPING_GIANTS, GIANTS), plus the "
            + "counts by band of the clients matching the other filters. Each client carries its support backlog (tickets open "
            + "more than 30 days, the scoring model's support.backlog_over_30_days input; null before any support event), "
            + "so the support-backlog early warning is one read.")
    public PortfolioView portfolio(@QueryParam("band") String band, @QueryParam("owner") String owner,
                                   @QueryParam("lifecycleStage") String stage, @QueryParam("segment") String segment,
                                   @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        caller.portfolioOwner().ifPresent(me -> {
            where.append(" and (c.owner_cse = ? or c.owner_cam = ?)");
            args.add(me);
            args.add(me);
        });
        if (owner != null) {
            where.append(" and (c.owner_cse = ? or c.owner_cam = ?)");
            args.add(owner);
            args.add(owner);
        }
        if (stage != null) {
            LifecycleStage parsed = Arrays.stream(LifecycleStage.values()).filter(s -> s.name().equalsIgnoreCase(stage)).findFirst()
                    .orElseThrow(() -> ApiException.invalid("lifecycleStage", "must be one of " + Arrays.toString(LifecycleStage.values())));
            where.append(" and c.lifecycle_stage = ?");
            args.add(parsed.name());
        }
        if (segment != null) {
            where.append(" and s.segment = ?");
            args.add(segment(segment));
        }
        Map<String, Long> counts = counts(where.toString(), args);

        StringBuilder items = new StringBuilder(where);
        List<Object> itemArgs = new ArrayList<>(args);
        if (band != null) {
            String wanted = band.toUpperCase(java.util.Locale.ROOT);
            if (wanted.equals("UNSCORED")) {
                items.append(" and h.band is null");
            } else if (Arrays.stream(Band.values()).anyMatch(b -> b.name().equals(wanted))) {
                items.append(" and h.band = ?");
                itemArgs.add(wanted);
            } else {
                throw ApiException.invalid("band", "must be one of CRITICAL, AT_RISK, STABLE, HEALTHY, UNSCORED");
            }
        }
        if (page.after() != null) {
            items.append(" and (c.name, c.id) > (?, ?)");
            itemArgs.add(page.after().sortValue());
            itemArgs.add(page.after().uuid());
        }
        List<PortfolioView.Item> rows = new ArrayList<>();
        itemArgs.add(0, DefaultScoringModel.BACKLOG_OVER_30_DAYS);
        for (Object row : query("select c.id, c.name, c.owner_cse, c.owner_cam, c.lifecycle_stage, h.score, h.band, h.scored_at, "
                + "s.segment, m.value from " + FROM + " left join client_metric m on m.client_id = c.id and m.metric = ?"
                + items + " order by c.name, c.id limit " + page.fetchSize(), itemArgs)) {
            Object[] c = (Object[]) row;
            Instant scoredAt = SqlValues.instant(c[7]);
            rows.add(new PortfolioView.Item(((UUID) c[0]).toString(), (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                    c[5] == null ? null : ((Number) c[5]).doubleValue(), (String) c[6], scoredAt, (String) c[8],
                    c[9] == null ? null : (int) Math.round(((Number) c[9]).doubleValue())));
        }
        var result = io.rhythm.platform.web.paging.Page.of(rows, page, i -> new Cursor(i.name(), i.clientId()), i -> i);
        return new PortfolioView(result.items(), result.nextCursor(), counts);
    }

    /** A segment filter as segmentation-service names it (singular spellings too: "Sleeping Giant"); 400 otherwise. */
    static String segment(String segment) {
        String spelled = segment.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
        String wanted = SEGMENTS.contains(spelled) ? spelled : spelled + "S";
        if (!SEGMENTS.contains(wanted)) {
            throw ApiException.invalid("segment", "must be one of " + SEGMENTS);
        }
        return wanted;
    }

    private Map<String, Long> counts(String where, List<Object> args) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Band b : Band.values()) {
            counts.put(b.name(), 0L);
        }
        counts.put("UNSCORED", 0L);
        for (Object row : query("select coalesce(h.band, 'UNSCORED'), count(*) from " + FROM + where + " group by 1", args)) {
            Object[] c = (Object[]) row;
            counts.put((String) c[0], ((Number) c[1]).longValue());
        }
        return counts;
    }

    private List<?> query(String sql, List<Object> args) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        return query.getResultList();
    }
}
