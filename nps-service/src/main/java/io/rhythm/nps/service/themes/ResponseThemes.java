package io.rhythm.nps.service.themes;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.themes.ThemeTagger;
import io.rhythm.nps.service.Dimension;
import io.rhythm.nps.service.VisibleClients;
import io.rhythm.nps.service.themes.ThemeCatalog.StoredTheme;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The themes of stored responses: automatic (the tagger's, in {@code survey_response.themes}) and manual (a
 * person's, in {@code manual_themes}, with who and when). <b>The manual tag wins</b>: a response's effective
 * themes are {@link #EFFECTIVE_SQL} — use it (or {@link #effective}) wherever themes are counted, shown or
 * published. A manual tag of no themes ({@code {}}) also wins: "this comment has no theme".
 */
@ApplicationScoped
public class ResponseThemes {

    /** SQL expression of a response's effective themes (text[]), for queries on {@code survey_response}. */
    public static final String EFFECTIVE_SQL = "coalesce(manual_themes, themes)";

    @Inject
    EntityManager em;
    @Inject
    ThemeCatalog catalog;
    @Inject
    ClientDirectory clients;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * A response's themes: {@code automaticThemes} are the complaints found in the comment (stored, counted);
     * {@code hits} every theme the current taxonomy finds in it with its polarity (COMPLAINT, PRAISE, NEUTRAL) and
     * evidence — praise and neutral mentions are shown, never counted (issue 17).
     */
    public record Tags(String responseId, String cycleId, String clientId, String comment, List<String> automaticThemes,
                       List<String> manualThemes, List<String> effectiveThemes, String taggedBy, Instant taggedAt,
                       List<io.rhythm.nps.domain.themes.ThemePolarity.Hit> hits) {
    }

    public record RetagResult(long taxonomyRevision, int examined, int changed, int keptManual) {
    }

    public record ThemeCount(String code, String name, String owner, String ownerName, int count, double percentOfCommented,
                             int promoters, int passives, int detractors) {
    }

    public record ThemeGroup(String key, String name, int responses, int commented, List<ThemeCount> themes) {
    }

    public record CycleThemes(String cycleId, String cycleName, String groupBy, long taxonomyRevision, List<ThemeGroup> groups) {
    }

    /** The effective themes of one response (manual if set, else automatic); empty for an unknown id. */
    /**
     * Theme code → responses carrying it (effective themes: a person's re-tagging wins), most frequent first,
     * for a cycle, or for one client in it when {@code clientId} is given. What letters, talking points and
     * the close snapshot count.
     */
    public Map<String, Integer> counts(UUID cycleId, UUID clientId) {
        var query = em.createNativeQuery("select t.theme, count(*) from (select " + EFFECTIVE_SQL
                + " as themes from survey_response where cycle_id = ?1" + (clientId == null ? "" : " and client_id = ?2")
                + ") r cross join lateral unnest(r.themes) as t(theme) group by t.theme order by count(*) desc, t.theme")
                .setParameter(1, cycleId);
        if (clientId != null) {
            query.setParameter(2, clientId);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            counts.put((String) c[0], ((Number) c[1]).intValue());
        }
        return counts;
    }

    public List<String> effective(UUID responseId) {
        List<?> rows = em.createNativeQuery("select " + EFFECTIVE_SQL + " from survey_response where id = ?1")
                .setParameter(1, responseId).getResultList();
        return rows.isEmpty() ? List.of() : ThemeCatalog.strings(rows.get(0));
    }

    /** @throws ApiException 404 for an unknown response or one of a client outside the caller's portfolio */
    public Tags get(UUID responseId) {
        Tags tags = load(responseId);
        requireVisible(tags);
        return tags;
    }

    /**
     * Sets a person's themes for a response (codes or names of the current taxonomy, case-insensitive; repeats
     * are dropped). An empty list means "no theme".
     *
     * @throws ApiException 404 (unknown / not visible), 400 with a field error per unknown theme
     */
    @Transactional
    public Tags setManual(UUID responseId, List<String> themes) {
        requireVisible(load(responseId));
        List<StoredTheme> taxonomy = catalog.all();
        Set<String> codes = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            String wanted = themes.get(i) == null ? "" : themes.get(i).strip();
            StoredTheme match = taxonomy.stream()
                    .filter(t -> t.code().equalsIgnoreCase(wanted) || t.name().equalsIgnoreCase(wanted)).findFirst().orElse(null);
            if (match == null) {
                errors.add(new FieldError("themes[" + i + "]", "unknown theme '" + wanted + "'; known themes: "
                        + taxonomy.stream().map(StoredTheme::code).toList()));
            } else {
                codes.add(match.code());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        em.createNativeQuery("update survey_response set manual_themes = cast(?2 as text[]), themes_tagged_by = ?3, themes_tagged_at = ?4 where id = ?1")
                .setParameter(1, responseId).setParameter(2, ThemeCatalog.textArray(List.copyOf(codes)))
                .setParameter(3, caller.username()).setParameter(4, Timestamp.from(Instant.now(clock))).executeUpdate();
        return load(responseId);
    }

    /** Removes the manual tag: the automatic themes apply again. */
    @Transactional
    public Tags clearManual(UUID responseId) {
        requireVisible(load(responseId));
        em.createNativeQuery("update survey_response set manual_themes = null, themes_tagged_by = ?2, themes_tagged_at = ?3 where id = ?1")
                .setParameter(1, responseId).setParameter(2, caller.username()).setParameter(3, Timestamp.from(Instant.now(clock)))
                .executeUpdate();
        return load(responseId);
    }

    /**
     * Re-applies automatic tagging with the current taxonomy to stored responses (all, or one cycle's), in one
     * transaction. Manual tags are not touched (they still win); {@code keptManual} counts the examined responses
     * that have one.
     */
    @Transactional
    public RetagResult retag(UUID cycleId) {
        if (cycleId != null && SurveyCycle.findById(cycleId) == null) {
            throw ApiException.invalid("cycleId", "no survey cycle " + cycleId);
        }
        ThemeTagger tagger = catalog.tagger();
        long revision = catalog.revision();
        int examined = 0;
        int changed = 0;
        int keptManual = 0;
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        while (true) {
            String sql = "select id, comment, themes, manual_themes is not null from survey_response where true";
            List<Object> params = new ArrayList<>();
            if (!first) {
                params.add(after);
                sql += " and id > ?" + params.size();
            }
            if (cycleId != null) {
                params.add(cycleId);
                sql += " and cycle_id = ?" + params.size();
            }
            var query = em.createNativeQuery(sql + " order by id limit 500");
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            List<?> rows = query.getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (Object row : rows) {
                Object[] c = (Object[]) row;
                UUID id = (UUID) c[0];
                List<String> now = catalog.complaintThemes(tagger, (String) c[1]);
                examined++;
                if (Boolean.TRUE.equals(c[3])) {
                    keptManual++;
                }
                if (!now.equals(ThemeCatalog.strings(c[2]))) {
                    em.createNativeQuery("update survey_response set themes = cast(?2 as text[]) where id = ?1")
                            .setParameter(1, id).setParameter(2, ThemeCatalog.textArray(now)).executeUpdate();
                    changed++;
                }
                after = id;
            }
            first = false;
        }
        return new RetagResult(revision, examined, changed, keptManual);
    }

    /**
     * Counts of effective themes in a cycle's responses within the caller's portfolio, for the whole cycle
     * ({@code by} null) or per client / segment / business unit / CSE, with each theme's owner function and the
     * split by NPS category. Themes no longer in the taxonomy are shown under their code without an owner.
     */
    public CycleThemes ofCycle(UUID cycleId, Dimension by) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        Map<String, StoredTheme> taxonomy = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (StoredTheme t : catalog.all()) {
            taxonomy.put(t.code(), t);
            order.add(t.code());
        }
        VisibleClients visible = new VisibleClients(em, clients, caller);
        record Acc(String name, int[] totals, Map<String, int[]> themes) {
        }
        Map<String, Acc> groups = new TreeMap<>();
        Map<UUID, Acc> byClient = new HashMap<>();
        // Aggregated in the database: responses per client, then effective themes per client and category.
        List<?> perClient = em.createNativeQuery("select client_id, count(*), count(comment) from survey_response where cycle_id = ?1 group by client_id")
                .setParameter(1, cycleId).getResultList();
        visible.preload(perClient.stream().map(row -> (UUID) ((Object[]) row)[0]).toList());
        for (Object row : perClient) {
            Object[] c = (Object[]) row;
            UUID client = (UUID) c[0];
            visible.of(client).ifPresent(facts -> {
                String key = by == null ? cycleId.toString() : facts.key(by);
                Acc acc = groups.computeIfAbsent(key, k -> new Acc(by == null ? cycle.name : facts.name(by), new int[2], new HashMap<>()));
                acc.totals()[0] += ((Number) c[1]).intValue();
                acc.totals()[1] += ((Number) c[2]).intValue();
                byClient.put(client, acc);
            });
        }
        for (Object row : em.createNativeQuery("select client_id, category, theme, count(*) from survey_response, unnest(" + EFFECTIVE_SQL
                + ") as theme where cycle_id = ?1 group by client_id, category, theme").setParameter(1, cycleId).getResultList()) {
            Object[] c = (Object[]) row;
            Acc acc = byClient.get((UUID) c[0]);
            if (acc == null) {
                continue;
            }
            int category = switch ((String) c[1]) {
                case "PROMOTER" -> 1;
                case "PASSIVE" -> 2;
                default -> 3;
            };
            int n = ((Number) c[3]).intValue();
            int[] counts = acc.themes().computeIfAbsent((String) c[2], k -> new int[4]);
            counts[0] += n;
            counts[category] += n;
        }
        List<ThemeGroup> result = new ArrayList<>();
        groups.forEach((key, acc) -> {
            List<ThemeCount> counts = new ArrayList<>();
            acc.themes().forEach((code, n) -> {
                StoredTheme t = taxonomy.get(code);
                counts.add(new ThemeCount(code, t == null ? code : t.name(), t == null ? null : t.owner().name(),
                        t == null ? null : t.ownerName(), n[0],
                        acc.totals()[1] == 0 ? 0 : Math.round(1000.0 * n[0] / acc.totals()[1]) / 10.0, n[1], n[2], n[3]));
            });
            counts.sort(Comparator.comparingInt(ThemeCount::count).reversed()
                    .thenComparingInt(t -> order.indexOf(t.code()) < 0 ? Integer.MAX_VALUE : order.indexOf(t.code())).thenComparing(ThemeCount::code));
            result.add(new ThemeGroup(key, acc.name(), acc.totals()[0], acc.totals()[1], counts));
        });
        result.sort(Comparator.comparing(ThemeGroup::name, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(ThemeGroup::key));
        return new CycleThemes(cycleId.toString(), cycle.name, by == null ? null : by.parameter(), catalog.revision(), result);
    }

    private Tags load(UUID responseId) {
        List<?> rows = em.createNativeQuery("select id, cycle_id, client_id, comment, themes, manual_themes, " + EFFECTIVE_SQL
                + ", themes_tagged_by, themes_tagged_at from survey_response where id = ?1").setParameter(1, responseId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Survey response", responseId);
        }
        Object[] c = (Object[]) rows.get(0);
        return new Tags(c[0].toString(), c[1].toString(), c[2].toString(), (String) c[3], ThemeCatalog.strings(c[4]),
                ThemeCatalog.strings(c[5]), ThemeCatalog.strings(c[6]), (String) c[7], ThemeCatalog.instant(c[8]),
                catalog.hits((String) c[3]));
    }

    private void requireVisible(Tags tags) {
        boolean visible = clients.find(UUID.fromString(tags.clientId())).map(e -> caller.canSee(e.ownership())).orElse(caller.isPortfolioWide());
        if (!visible) {
            throw ApiException.notFound("Survey response", tags.responseId());
        }
    }
}
