package io.rhythm.nps.service.operations;

import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.pulls.PullCutoff;
import io.rhythm.nps.domain.schedule.MilestoneCode;
import io.rhythm.nps.service.Milestones;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Non-responder pulls: snapshots of who was eligible on a cycle's frozen recipient list and had not answered, kept for
 * the record (seed 000: "First non-responder pull (Day 5)", "Final non-responder pull (Day 12)"; issue 5: "the day-5
 * and day-12 pulls are snapshots kept for the record"; issue 17: whatever channel delivered the survey).
 *
 * <ul>
 *   <li>The milestone scan takes one per pull milestone when it falls due ({@link #takeScheduled}); the pull row is
 *       unique per (cycle, milestone), so a second scan, a restart or a second replica takes nothing more. A leader
 *       may take more by hand at any time ({@link #takeByHand}, no milestone).</li>
 *   <li>A pull is as of a cutoff ({@link PullCutoff}): a scheduled pull as of the end of its milestone's due date
 *       (UTC), so a scan that runs late still pulls what was true on the day; a pull by hand as of now. A contact
 *       answered by the cutoff when their answer's {@code submittedAt} (any channel: link, HubSpot import, webhook)
 *       or their invitation's answer time is before it.</li>
 *   <li>Each row keeps what was true then: client name and owners, contact, email, invited and last reminded at,
 *       number of reminders, and whether the contact could be e-mailed (subscribed and active in the contact
 *       directory; unknown contacts count as not).</li>
 *   <li>Reading is row-level: a CSE or CAM sees the rows of the clients they own <i>now</i> (and counts of those
 *       rows only); leaders, marketing and admin see every row and the cycle-wide invited/responded figures.</li>
 * </ul>
 */
@ApplicationScoped
public class NonResponderPulls {

    public static final String SYSTEM = "system";
    public static final String SCHEDULED = "SCHEDULED";
    public static final String MANUAL = "MANUAL";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Milestones milestones;
    @Inject
    ClientDirectory clients;

    /**
     * A pull as the caller may see it. {@code nonResponders} and {@code clients} count the rows visible to the caller;
     * {@code eligible} (on the frozen list), {@code responded} (eligible contacts who had answered by {@code asOf})
     * and {@code invited} (Rhythm's own invitations; 0 for a cycle run in HubSpot) are cycle-wide, shown to
     * portfolio-wide roles only.
     */
    public record PullView(String id, String cycleId, String milestone, String kind, LocalDate dueDate, Instant asOf,
                           Instant takenAt, String takenBy, Integer eligible, Integer invited, Integer responded,
                           int nonResponders, int clients) {
    }

    /** One non-responder as they were at the time of the pull ({@code invitedAt} null when Rhythm did not invite them). */
    public record PullRow(String clientId, String clientName, String ownerCse, String ownerCam, String contactId, String name,
                          String email, Instant invitedAt, Instant remindedAt, int reminders, boolean subscribed) {
    }

    /**
     * Takes the pull of a milestone unless it exists, and completes that milestone (by {@value #SYSTEM}) if still open.
     *
     * @return true when this call took it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean takeScheduled(UUID cycleId, MilestoneCode milestone, LocalDate dueDate) {
        if (milestone != MilestoneCode.FIRST_NON_RESPONDER_PULL && milestone != MilestoneCode.FINAL_NON_RESPONDER_PULL) {
            throw new IllegalArgumentException(milestone + " is not a non-responder pull");
        }
        Optional<UUID> taken = insert(cycleId, milestone, dueDate, SYSTEM, PullCutoff.endOf(dueDate, java.time.ZoneOffset.UTC));
        taken.ifPresent(id -> milestones.completeIfOpen(cycleId, milestone.name(), SYSTEM));
        return taken.isPresent();
    }

    /** A pull by hand (no milestone): 404 for an unknown cycle, 409 before its recipient lists are frozen. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PullView takeByHand(UUID cycleId, Caller caller) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        if (cycle.recipientsFrozenAt == null) {
            throw ApiException.conflict("The recipient lists of " + cycle.name + " are not frozen yet: there is nobody to "
                    + "pull until they are frozen and the survey is sent");
        }
        UUID id = insert(cycleId, null, null, caller.username(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS)).orElseThrow();
        return get(cycleId, id, caller);
    }

    /** The frozen list with each contact's invitation and answer (the answer time: the earlier of the two records). */
    public static final String LIST_WITH_ANSWERS = """
            recipient r
            left join survey_invitation i on i.cycle_id = r.cycle_id and i.contact_id = r.contact_id
            left join survey_response s on s.cycle_id = r.cycle_id and s.contact_id = r.contact_id""";
    /** Whether the recipient had answered before the cutoff ?C. */
    public static final String ANSWERED_BY = "coalesce(least(s.responded_at, i.responded_at) < ?C, false)";

    private Optional<UUID> insert(UUID cycleId, MilestoneCode milestone, LocalDate dueDate, String by, Instant cutoff) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Object[] counts = (Object[]) em.createNativeQuery("select count(*) filter (where r.included), count(*) filter "
                        + "(where r.included and " + ANSWERED_BY.replace("?C", "?2") + "), count(i.contact_id) from "
                        + LIST_WITH_ANSWERS + " where r.cycle_id = ?1")
                .setParameter(1, cycleId).setParameter(2, Timestamp.from(cutoff)).getSingleResult();
        int inserted = em.createNativeQuery("""
                        insert into non_responder_pull (id, cycle_id, milestone, due_date, taken_at, taken_by, invited,
                            responded, non_responders, as_of, eligible)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10)
                        on conflict (cycle_id, milestone) where milestone is not null do nothing""")
                .setParameter(1, id).setParameter(2, cycleId).setParameter(3, milestone == null ? null : milestone.name())
                .setParameter(4, dueDate == null ? null : Date.valueOf(dueDate)).setParameter(5, Timestamp.from(now))
                .setParameter(6, by).setParameter(7, ((Number) counts[2]).intValue())
                .setParameter(8, ((Number) counts[1]).intValue()).setParameter(9, Timestamp.from(cutoff))
                .setParameter(10, ((Number) counts[0]).intValue()).executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        int rows = em.createNativeQuery("""
                        insert into non_responder_pull_row (pull_id, position, client_id, client_name, owner_cse, owner_cam,
                            contact_id, name, email, invited_at, reminded_at, reminders, subscribed)
                        select ?1, row_number() over (order by cl.name nulls last, r.client_id, r.name, r.contact_id),
                               r.client_id, cl.name, cl.owner_cse, cl.owner_cam, r.contact_id, r.name, coalesce(i.email, r.email),
                               i.invited_at, i.reminded_at, coalesce(i.reminders, 0), coalesce(cd.subscribed and cd.active, false)
                        from LIST
                        left join client_directory cl on cl.client_id = r.client_id
                        left join contact_directory cd on cd.contact_id = r.contact_id
                        where r.cycle_id = ?2 and r.included and not ANSWERED"""
                        .replace("LIST", LIST_WITH_ANSWERS).replace("ANSWERED", ANSWERED_BY.replace("?C", "?3")))
                .setParameter(1, id).setParameter(2, cycleId).setParameter(3, Timestamp.from(cutoff)).executeUpdate();
        em.createNativeQuery("update non_responder_pull set non_responders = ?1 where id = ?2")
                .setParameter(1, rows).setParameter(2, id).executeUpdate();
        return Optional.of(id);
    }

    /** A cycle's pulls, newest first. */
    public Page<PullView> list(UUID cycleId, PageRequest page, Caller caller) {
        requireCycle(cycleId);
        StringBuilder sql = new StringBuilder(SELECT_PULL).append(" where p.cycle_id = ?1");
        if (page.after() != null) {
            sql.append(" and (p.taken_at < ?5 or (p.taken_at = ?5 and p.id > ?6))");
        }
        sql.append(" order by p.taken_at desc, p.id limit ").append(page.fetchSize());
        Query query = visibility(em.createNativeQuery(sql.toString()).setParameter(1, cycleId), caller);
        if (page.after() != null) {
            query.setParameter(5, Timestamp.from(instant(page.after().sortValue()))).setParameter(6, page.after().uuid());
        }
        List<PullView> views = new ArrayList<>();
        for (Object row : query.getResultList()) {
            views.add(pull((Object[]) row, caller));
        }
        return Page.of(views, page, v -> new Cursor(v.takenAt().toString(), v.id()), v -> v);
    }

    public PullView get(UUID cycleId, UUID pullId, Caller caller) {
        requireCycle(cycleId);
        List<?> rows = visibility(em.createNativeQuery(SELECT_PULL + " where p.cycle_id = ?1 and p.id = ?5")
                .setParameter(1, cycleId).setParameter(5, pullId), caller).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Non-responder pull", pullId);
        }
        return pull((Object[]) rows.get(0), caller);
    }

    /** The rows of a pull visible to the caller, in the pull's order (client name, contact name), optionally of one client. */
    public Page<PullRow> rows(UUID cycleId, UUID pullId, UUID clientId, PageRequest page, Caller caller) {
        get(cycleId, pullId, caller);
        if (clientId != null) {
            clients.requireVisible(clientId, caller);
        }
        StringBuilder sql = new StringBuilder("""
                select r.position, r.client_id, r.client_name, r.owner_cse, r.owner_cam, r.contact_id, r.name, r.email,
                       r.invited_at, r.reminded_at, r.reminders, r.subscribed
                from non_responder_pull_row r left join client_directory cd on cd.client_id = r.client_id
                where r.pull_id = ?1 and (cast(?5 as uuid) is null or r.client_id = ?5) and """).append(VISIBLE);
        if (page.after() != null) {
            sql.append(" and r.position > ?6");
        }
        sql.append(" order by r.position limit ").append(page.fetchSize());
        Query query = visibility(em.createNativeQuery(sql.toString()).setParameter(1, pullId).setParameter(5, clientId), caller);
        if (page.after() != null) {
            query.setParameter(6, position(page.after().sortValue()));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add((Object[]) row);
        }
        return Page.of(rows, page, c -> new Cursor(c[0].toString(), c[5].toString()), c -> new PullRow(c[1].toString(),
                (String) c[2], (String) c[3], (String) c[4], c[5].toString(), (String) c[6], (String) c[7],
                SqlValues.instant(c[8]), SqlValues.instant(c[9]), ((Number) c[10]).intValue(), (Boolean) c[11]));
    }

    /** ?2 = sees every client, ?3 = the CSE whose clients they are, ?4 = the CAM whose clients they are. */
    private static final String VISIBLE = "(?2 or (cast(?3 as text) is not null and cd.owner_cse = ?3) "
            + "or (cast(?4 as text) is not null and cd.owner_cam = ?4))";

    private static final String SELECT_PULL = """
            select p.id, p.cycle_id, p.milestone, p.due_date, p.taken_at, p.taken_by, p.invited, p.responded,
                   (select count(*) from non_responder_pull_row r left join client_directory cd on cd.client_id = r.client_id
                    where r.pull_id = p.id and VISIBLE),
                   (select count(distinct r.client_id) from non_responder_pull_row r
                    left join client_directory cd on cd.client_id = r.client_id where r.pull_id = p.id and VISIBLE),
                   p.as_of, p.eligible
            from non_responder_pull p""".replace("VISIBLE", VISIBLE);

    private static Query visibility(Query query, Caller caller) {
        return query.setParameter(2, caller.isPortfolioWide())
                .setParameter(3, caller.hasRole(Roles.CSE) ? caller.username() : null)
                .setParameter(4, caller.hasRole(Roles.CAM) ? caller.username() : null);
    }

    private static PullView pull(Object[] c, Caller caller) {
        boolean wide = caller.isPortfolioWide();
        String milestone = (String) c[2];
        return new PullView(c[0].toString(), c[1].toString(), milestone, milestone == null ? MANUAL : SCHEDULED,
                SqlValues.localDate(c[3]), SqlValues.instant(c[10]), SqlValues.instant(c[4]), (String) c[5],
                wide && c[11] != null ? ((Number) c[11]).intValue() : null,
                wide ? ((Number) c[6]).intValue() : null, wide ? ((Number) c[7]).intValue() : null,
                ((Number) c[8]).intValue(), ((Number) c[9]).intValue());
    }

    private static void requireCycle(UUID cycleId) {
        if (SurveyCycle.findById(cycleId) == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.invalid("cursor", "is not a cursor issued by this API; use nextCursor from the previous page");
        }
    }

    private static int position(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("cursor", "is not a cursor issued by this API; use nextCursor from the previous page");
        }
    }
}
