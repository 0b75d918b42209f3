package io.rhythm.nps.service.initiatives;

import io.rhythm.nps.domain.initiatives.Initiative;
import io.rhythm.nps.domain.initiatives.InitiativeProgress;
import io.rhythm.nps.domain.initiatives.InitiativeStatus;
import io.rhythm.nps.domain.initiatives.ProgressEntry;
import io.rhythm.nps.domain.initiatives.Quarter;
import io.rhythm.nps.domain.initiatives.QuarterlyProgress;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * NPS improvement initiatives and their append-only progress. Row-level: an initiative without clients is
 * seen by all staff; one with clients by leaders and by the CSE/CAM of at least one of them. Leaders (AVP,
 * VP, EVP, admin) manage every initiative; a CSE/CAM manages those whose clients are all theirs.
 * Callers run these in a transaction.
 */
@ApplicationScoped
public class Initiatives {

    private static final Set<String> MANAGERS = Set.of(Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN);

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory directory;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record Details(String title, String description, String owner, List<String> themes, List<UUID> clientIds,
                          InitiativeStatus status, LocalDate targetDate) {
    }

    public record Filter(String theme, UUID clientId, InitiativeStatus status) {
    }

    public record Line(Initiative initiative, QuarterlyProgress progress) {
    }

    public Initiative create(Details details) {
        List<UUID> clients = checkClients(details.clientIds());
        requireManages(clients);
        Initiative initiative = new Initiative();
        initiative.id = UUID.randomUUID();
        initiative.createdAt = Instant.now(clock);
        initiative.createdBy = caller.username();
        apply(initiative, details, clients, details.status() == null ? InitiativeStatus.PLANNED : details.status());
        initiative.persist();
        return initiative;
    }

    public Initiative update(UUID id, String ifMatch, Details details) {
        Initiative initiative = require(id);
        requireManages(List.of(initiative.clientIds));
        Versions.requireMatch(ifMatch, initiative.version);
        List<UUID> clients = checkClients(details.clientIds());
        requireManages(clients);
        InitiativeStatus next = details.status() == null ? initiative.status : details.status();
        try {
            initiative.status.requireMoveTo(next);
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        apply(initiative, details, clients, next);
        em.flush();
        return initiative;
    }

    public InitiativeProgress report(UUID id, LocalDate reportedOn, String text, int percentComplete) {
        Initiative initiative = require(id);
        requireManages(List.of(initiative.clientIds));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate on = reportedOn == null ? today : reportedOn;
        if (on.isAfter(today)) {
            throw ApiException.invalid("reportedOn", "must not be in the future (today is " + today + ")");
        }
        try {
            initiative.status.requireOpenForProgress();
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        InitiativeProgress progress = new InitiativeProgress();
        progress.id = UUID.randomUUID();
        progress.initiativeId = id;
        progress.reportedOn = on;
        progress.author = caller.username();
        progress.text = text.strip();
        progress.percentComplete = percentComplete;
        progress.recordedAt = Instant.now(clock);
        progress.persist();
        return progress;
    }

    public List<ProgressEntry> progress(UUID id) {
        require(id);
        return entries(id);
    }

    /** @throws ApiException 404 unknown or not visible to the caller */
    public Initiative require(UUID id) {
        Initiative initiative = Initiative.findById(id);
        if (initiative == null || !visible(initiative)) {
            throw ApiException.notFound("Initiative", id);
        }
        return initiative;
    }

    public Page<Initiative> list(Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select i.* from nps_initiative i where true");
        List<Object> args = new ArrayList<>();
        where(sql, args, filter);
        if (page.after() != null) {
            sql.append(" and (i.created_at, i.id) < (?").append(args.size() + 1).append(", ?").append(args.size() + 2).append(")");
            args.add(instant(page.after().sortValue()));
            args.add(page.after().uuid());
        }
        sql.append(" order by i.created_at desc, i.id desc limit ").append(page.fetchSize());
        return Page.of(query(sql.toString(), args), page, i -> new Cursor(i.createdAt.toString(), i.id.toString()),
                Function.identity());
    }

    /**
     * The quarterly "NPS Initiatives Update": the visible initiatives that existed in the quarter and were not
     * already finished before it, each with its latest progress and the updates of the quarter.
     */
    public List<Line> quarterlyUpdate(Quarter quarter, Filter filter) {
        StringBuilder sql = new StringBuilder("select i.* from nps_initiative i where i.created_at < ?1 "
                + "and (i.status in ('PLANNED', 'IN_PROGRESS') or i.updated_at >= ?2)");
        List<Object> args = new ArrayList<>();
        args.add(quarter.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        args.add(quarter.start().atStartOfDay(ZoneOffset.UTC).toInstant());
        where(sql, args, filter);
        sql.append(" order by i.created_at, i.id");
        return query(sql.toString(), args).stream()
                .map(i -> new Line(i, QuarterlyProgress.of(entries(i.id), quarter))).toList();
    }

    private void where(StringBuilder sql, List<Object> args, Filter filter) {
        if (filter.theme() != null) {
            sql.append(" and ?").append(args.size() + 1).append(" = any(i.themes)");
            args.add(filter.theme());
        }
        if (filter.clientId() != null) {
            sql.append(" and ?").append(args.size() + 1).append(" = any(i.client_ids)");
            args.add(filter.clientId());
        }
        if (filter.status() != null) {
            sql.append(" and i.status = ?").append(args.size() + 1);
            args.add(filter.status().name());
        }
        caller.portfolioOwner().ifPresent(owner -> {
            int n = args.size() + 1;
            sql.append(" and (cardinality(i.client_ids) = 0 or exists (select 1 from client_directory d where "
                    + "d.client_id = any(i.client_ids) and (d.owner_cse = ?").append(n).append(" or d.owner_cam = ?").append(n).append(")))");
            args.add(owner);
        });
    }

    @SuppressWarnings("unchecked")
    private List<Initiative> query(String sql, List<Object> args) {
        Query query = em.createNativeQuery(sql, Initiative.class);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        return query.getResultList();
    }

    private List<ProgressEntry> entries(UUID id) {
        return InitiativeProgress.<InitiativeProgress>list("initiativeId = ?1 order by reportedOn, recordedAt", id).stream()
                .map(InitiativeProgress::entry).toList();
    }

    private void apply(Initiative initiative, Details details, List<UUID> clients, InitiativeStatus status) {
        initiative.title = details.title().strip();
        initiative.description = details.description() == null || details.description().isBlank() ? null : details.description().strip();
        initiative.owner = details.owner().strip();
        initiative.themes = details.themes() == null ? new String[0] : new LinkedHashSet<>(details.themes()).toArray(String[]::new);
        initiative.clientIds = clients.toArray(UUID[]::new);
        initiative.status = status;
        initiative.targetDate = details.targetDate();
        initiative.updatedAt = Instant.now(clock);
    }

    /** The distinct clients, each known to the directory and visible to the caller (400 otherwise). */
    private List<UUID> checkClients(List<UUID> ids) {
        if (ids == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        for (int i = 0; i < ids.size(); i++) {
            Optional<DirectoryEntry> entry = directory.find(ids.get(i));
            if (entry.isEmpty() || !caller.canSee(entry.get().ownership())) {
                errors.add(new FieldError("clientIds[" + i + "]", "is not a client in your portfolio"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return distinct;
    }

    private boolean visible(Initiative initiative) {
        if (caller.isPortfolioWide() || initiative.clientIds.length == 0) {
            return true;
        }
        return Arrays.stream(initiative.clientIds).map(directory::find)
                .anyMatch(e -> e.isPresent() && caller.canSee(e.get().ownership()));
    }

    private boolean isManager() {
        return MANAGERS.stream().anyMatch(caller::hasRole);
    }

    /** Leaders manage everything; a CSE/CAM only initiatives whose clients (at least one) are all theirs. */
    private void requireManages(List<UUID> clients) {
        if (isManager()) {
            return;
        }
        if (clients.isEmpty()) {
            throw ApiException.forbidden("only leaders (AVP, VP, EVP, admin) manage initiatives that are not linked to your clients");
        }
        for (UUID client : clients) {
            Optional<DirectoryEntry> entry = directory.find(client);
            if (entry.isEmpty() || !caller.canSee(entry.get().ownership())) {
                throw ApiException.forbidden("the initiative covers clients outside your portfolio: only leaders may change it");
            }
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "is not a cursor issued by this API; use nextCursor from the previous page");
        }
    }
}
