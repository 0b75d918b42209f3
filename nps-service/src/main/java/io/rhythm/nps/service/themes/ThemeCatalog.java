package io.rhythm.nps.service.themes;

import io.rhythm.nps.domain.themes.BusinessFunction;
import io.rhythm.nps.domain.themes.Theme;
import io.rhythm.nps.domain.themes.ThemeRules;
import io.rhythm.nps.domain.themes.ThemeTagger;
import io.rhythm.nps.domain.themes.ThemeTaxonomy;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The theme taxonomy stored in the database (seeded with {@link ThemeTaxonomy#defaults()} by V8), its
 * changes, and the {@link ThemeTagger} built from it.
 *
 * <p>Cache: the tagger is built once per taxonomy revision. Every change bumps the single-row
 * {@code theme_taxonomy_revision} in the same transaction, and {@link #tagger()} compares the cached revision
 * with the stored one (one primary-key read), so every replica tags with the current taxonomy as soon as a
 * change commits, and a rolled-back change never leaks into the cache.
 */
@ApplicationScoped
public class ThemeCatalog {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** A stored theme. */
    public record StoredTheme(String code, String name, BusinessFunction owner, List<String> keywords, int position, long version,
                              String updatedBy, Instant updatedAt) {

        public String ownerName() {
            return owner.displayName();
        }

        Theme theme() {
            return new Theme(code, name, owner, keywords);
        }
    }

    private record Cached(long revision, ThemeTagger tagger) {
    }

    private volatile Cached cached;

    /** The tagger of the current taxonomy. Replaced taggers are not closed: a concurrent request may still use one. */
    public ThemeTagger tagger() {
        long revision = revision();
        Cached current = cached;
        if (current == null || current.revision() != revision) {
            synchronized (this) {
                current = cached;
                if (current == null || current.revision() != revision) {
                    current = new Cached(revision, new ThemeTagger(taxonomy()));
                    cached = current;
                }
            }
        }
        return current.tagger();
    }

    /** Polarity of theme hits (issue 17): the counts use complaints only. Thread-safe. */
    private final io.rhythm.nps.domain.themes.ThemePolarity polarity = new io.rhythm.nps.domain.themes.ThemePolarity();

    /** The themes of a comment with their polarity, by the current taxonomy. */
    public List<io.rhythm.nps.domain.themes.ThemePolarity.Hit> hits(String comment) {
        return hits(tagger(), comment);
    }

    public List<io.rhythm.nps.domain.themes.ThemePolarity.Hit> hits(ThemeTagger tagger, String comment) {
        if (comment == null || comment.isBlank()) {
            return List.of();
        }
        return polarity.classify(comment, tagger.tag(comment));
    }

    /** The themes a comment complains about: what is stored as its automatic themes and counted. */
    public List<String> complaintThemes(ThemeTagger tagger, String comment) {
        return hits(tagger, comment).stream()
                .filter(h -> h.polarity() == io.rhythm.nps.domain.themes.ThemePolarity.Polarity.COMPLAINT)
                .map(io.rhythm.nps.domain.themes.ThemePolarity.Hit::code).toList();
    }

    @jakarta.annotation.PreDestroy
    void closePolarity() {
        polarity.close();
    }

    public long revision() {
        return ((Number) em.createNativeQuery("select revision from theme_taxonomy_revision").getSingleResult()).longValue();
    }

    /** A theme's name in the current taxonomy; the code itself for a theme deleted since. */
    public String name(String code) {
        return taxonomy().theme(code).map(io.rhythm.nps.domain.themes.Theme::name).orElse(code);
    }

    public ThemeTaxonomy taxonomy() {
        return new ThemeTaxonomy(all().stream().map(StoredTheme::theme).toList());
    }

    /** Every theme in taxonomy order (position, then code). */
    public List<StoredTheme> all() {
        return rows("select " + COLUMNS + " from theme order by position, code", List.of());
    }

    public Page<StoredTheme> page(PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (page.after() != null) {
            where = " where code > ?1";
            params.add(page.after().id());
        }
        List<StoredTheme> rows = rows("select " + COLUMNS + " from theme" + where + " order by code limit " + page.fetchSize(), params);
        return Page.of(rows, page, t -> new Cursor(t.code(), t.code()), t -> t);
    }

    public Optional<StoredTheme> find(String code) {
        return rows("select " + COLUMNS + " from theme where code = ?1", List.of(code)).stream().findFirst();
    }

    public StoredTheme require(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("Theme", code));
    }

    /**
     * Adds a theme at the end of the taxonomy.
     *
     * @throws ApiException 400 with field errors ({@link ThemeRules}); 409 when the code or name is taken
     */
    @Transactional
    public StoredTheme create(String code, String name, String owner, List<String> keywords, String by) {
        validate(code, name, owner, keywords);
        String theCode = code != null ? code : ThemeRules.codeFor(name);
        lockTaxonomy();
        if (find(theCode).isPresent()) {
            throw ApiException.conflict("a theme with code " + theCode + " already exists");
        }
        requireNameFree(name, null);
        em.createNativeQuery("""
                        insert into theme (code, name, owner, keywords, position, version, updated_by, updated_at)
                        values (?1, ?2, ?3, cast(?4 as text[]), (select coalesce(max(position), 0) + 1 from theme), 0, ?5, ?6)""")
                .setParameter(1, theCode).setParameter(2, name.strip()).setParameter(3, ThemeRules.owner(owner).name())
                .setParameter(4, textArray(keywords)).setParameter(5, by).setParameter(6, Timestamp.from(Instant.now(clock)))
                .executeUpdate();
        return require(theCode);
    }

    /**
     * Replaces a theme's name, owner and keywords (its code and position stay).
     *
     * @throws ApiException 404, 400, 409 (name taken), 428 without If-Match, 412 when it names another version
     */
    @Transactional
    public StoredTheme update(String code, String name, String owner, List<String> keywords, String ifMatch, String by) {
        validate(null, name, owner, keywords);
        lockTaxonomy();
        StoredTheme current = require(code);
        Versions.requireMatch(ifMatch, current.version());
        requireNameFree(name, code);
        em.createNativeQuery("""
                        update theme set name = ?2, owner = ?3, keywords = cast(?4 as text[]), version = version + 1,
                            updated_by = ?5, updated_at = ?6 where code = ?1""")
                .setParameter(1, code).setParameter(2, name.strip()).setParameter(3, ThemeRules.owner(owner).name())
                .setParameter(4, textArray(keywords)).setParameter(5, by).setParameter(6, Timestamp.from(Instant.now(clock)))
                .executeUpdate();
        return require(code);
    }

    /**
     * Removes a theme. Responses keep it in their stored tags until {@link ResponseThemes#retag} (automatic tags)
     * or a person re-tags them (manual tags); counts show it under its code.
     *
     * @throws ApiException 404; 409 when it is the last theme (an empty taxonomy tags nothing)
     */
    @Transactional
    public void delete(String code) {
        lockTaxonomy();
        require(code);
        if (((Number) em.createNativeQuery("select count(*) from theme").getSingleResult()).intValue() <= 1) {
            throw ApiException.conflict("theme " + code + " is the last theme of the taxonomy; add another before deleting it");
        }
        em.createNativeQuery("delete from theme where code = ?1").setParameter(1, code).executeUpdate();
    }

    private void validate(String code, String name, String owner, List<String> keywords) {
        List<ThemeRules.Problem> problems = ThemeRules.check(code, name, owner, keywords);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems.stream().map(p -> new FieldError(p.field(), p.message())).toList());
        }
    }

    /** Serialises taxonomy changes and bumps the revision, so cached taggers are rebuilt after the commit. */
    private void lockTaxonomy() {
        em.createNativeQuery("update theme_taxonomy_revision set revision = revision + 1").executeUpdate();
    }

    private void requireNameFree(String name, String exceptCode) {
        List<?> taken = em.createNativeQuery("select code from theme where lower(btrim(name)) = lower(btrim(?1)) and code <> ?2")
                .setParameter(1, name).setParameter(2, exceptCode == null ? "" : exceptCode).getResultList();
        if (!taken.isEmpty()) {
            throw ApiException.conflict("theme " + taken.get(0) + " is already named '" + name.strip() + "'");
        }
    }

    private static final String COLUMNS = "code, name, owner, keywords, position, version, updated_by, updated_at";

    private List<StoredTheme> rows(String sql, List<Object> params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<StoredTheme> themes = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            themes.add(new StoredTheme((String) c[0], (String) c[1], BusinessFunction.valueOf((String) c[2]), strings(c[3]),
                    ((Number) c[4]).intValue(), ((Number) c[5]).longValue(), (String) c[6], instant(c[7])));
        }
        return themes;
    }

    static List<String> strings(Object array) {
        if (array == null) {
            return null;
        }
        if (array instanceof String[] values) {
            return List.of(values);
        }
        if (array instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).toList();
        }
        try {
            return strings(((java.sql.Array) array).getArray());
        } catch (java.sql.SQLException | ClassCastException e) {
            throw new IllegalStateException("Unexpected text[] value " + array, e);
        }
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp value " + value.getClass());
    }

    /** A Postgres text[] literal, each element quoted. */
    static String textArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(values.get(i).strip().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }
}
