package io.rhythm.nps.service;

import io.rhythm.nps.domain.CycleSchedule;
import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.schedule.CyclePlan;
import io.rhythm.nps.domain.schedule.Milestone;
import io.rhythm.nps.domain.schedule.MilestoneCode;
import io.rhythm.nps.domain.schedule.OwnerRole;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.CycleMilestoneDue;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A cycle's milestones: generated from its plan when it is created, completed by their owners, and
 * announced (CycleMilestoneDue) once when due — or overdue and still open — by a scheduled scan that
 * works from the database, so it is right across restarts. The same scan runs the cycle's automatic operations
 * ({@link io.rhythm.nps.service.operations.CycleAutomation}).
 */
@ApplicationScoped
public class Milestones {

    /** Leaders may complete any milestone; otherwise one of its owner roles is needed. */
    private static final Set<String> LEADERS = Set.of(Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN);

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;
    @Inject
    io.rhythm.nps.service.operations.CycleAutomation automation;

    public record MilestoneView(String code, String name, List<String> ownerRoles, LocalDate startDate, LocalDate dueDate,
                                String status, boolean overdue, Instant completedAt, String completedBy) {
    }

    /** Stores the cycle's plan; the survey-close milestone follows the cycle's close date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void generate(SurveyCycle cycle) {
        CyclePlan plan = CycleSchedule.plan(cycle.name, cycle.openDate);
        for (Milestone milestone : plan.milestones()) {
            LocalDate due = milestone.code() == MilestoneCode.SURVEY_CLOSE ? cycle.closeDate : milestone.dueDate();
            LocalDate start = milestone.startDate().isAfter(due) ? due : milestone.startDate();
            em.createNativeQuery("""
                            insert into cycle_milestone (cycle_id, code, name, owner_roles, start_date, due_date)
                            values (?1, ?2, ?3, cast(?4 as text[]), ?5, ?6)""")
                    .setParameter(1, cycle.id).setParameter(2, milestone.code().name()).setParameter(3, milestone.name())
                    .setParameter(4, "{" + String.join(",", ownerRoles(milestone)) + "}")
                    .setParameter(5, Date.valueOf(start)).setParameter(6, Date.valueOf(due))
                    .executeUpdate();
        }
    }

    public List<MilestoneView> of(UUID cycleId) {
        LocalDate today = LocalDate.now(clock);
        List<MilestoneView> views = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        select code, name, owner_roles, start_date, due_date, completed_at, completed_by
                        from cycle_milestone where cycle_id = ?1 order by due_date, start_date, code""")
                .setParameter(1, cycleId).getResultList()) {
            Object[] c = (Object[]) row;
            Instant completedAt = SqlValues.instant(c[5]);
            LocalDate due = SqlValues.localDate(c[4]);
            views.add(new MilestoneView((String) c[0], (String) c[1], Arrays.asList((String[]) c[2]),
                    SqlValues.localDate(c[3]), due, completedAt == null ? "OPEN" : "DONE",
                    completedAt == null && due.isBefore(today), completedAt, (String) c[6]));
        }
        return views;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MilestoneView complete(UUID cycleId, String code, Caller caller) {
        MilestoneView milestone = of(cycleId).stream().filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Milestone", code));
        if (LEADERS.stream().noneMatch(caller::hasRole) && milestone.ownerRoles().stream().noneMatch(caller::hasRole)) {
            throw ApiException.forbidden("Only its owners (" + milestone.ownerRoles() + ") or AVP and above complete " + code);
        }
        if (milestone.completedAt() != null) {
            throw ApiException.conflict(code + " was completed by " + milestone.completedBy() + " at " + milestone.completedAt());
        }
        em.createNativeQuery("update cycle_milestone set completed_at = ?1, completed_by = ?2 where cycle_id = ?3 and code = ?4")
                .setParameter(1, Timestamp.from(Instant.now(clock))).setParameter(2, caller.username())
                .setParameter(3, cycleId).setParameter(4, code).executeUpdate();
        return of(cycleId).stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    /** Completes a milestone that is still open, e.g. by {@code system} when the scan did its work; false if done already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean completeIfOpen(UUID cycleId, String code, String by) {
        return em.createNativeQuery("""
                        update cycle_milestone set completed_at = ?1, completed_by = ?2
                        where cycle_id = ?3 and code = ?4 and completed_at is null""")
                .setParameter(1, Timestamp.from(Instant.now(clock))).setParameter(2, by)
                .setParameter(3, cycleId).setParameter(4, code).executeUpdate() == 1;
    }

    /**
     * The milestone scan: announces what is due, then lets {@link io.rhythm.nps.service.operations.CycleAutomation} do what is due by itself (pulls,
     * reminders, close). Off in the test profile: tests call both directly with the TestClock.
     */
    @Scheduled(every = "${rhythm.nps.milestone-scan.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void scan() {
        QuarkusTransaction.requiringNew().run(() -> announceDue(LocalDate.now(clock)));
        automation.runDue();
    }

    /** Publishes CycleMilestoneDue for each open milestone due on or before {@code today} not yet announced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int announceDue(LocalDate today) {
        List<?> due = em.createNativeQuery("""
                        select m.cycle_id, c.name, m.code, m.name, m.due_date, m.owner_roles
                        from cycle_milestone m join survey_cycle c on c.id = m.cycle_id
                        where m.completed_at is null and not m.due_published and m.due_date <= ?1
                        order by m.due_date for update of m skip locked""")
                .setParameter(1, Date.valueOf(today)).getResultList();
        for (Object row : due) {
            Object[] c = (Object[]) row;
            UUID cycleId = (UUID) c[0];
            LocalDate dueDate = SqlValues.localDate(c[4]);
            outbox.publish(EventCatalogue.CYCLE_MILESTONE_DUE, cycleId.toString(), new CycleMilestoneDue(cycleId.toString(),
                    (String) c[1], (String) c[2], (String) c[3], dueDate, Arrays.asList((String[]) c[5]), dueDate.isBefore(today)));
            em.createNativeQuery("update cycle_milestone set due_published = true where cycle_id = ?1 and code = ?2")
                    .setParameter(1, cycleId).setParameter(2, c[2]).executeUpdate();
        }
        return due.size();
    }

    private static List<String> ownerRoles(Milestone milestone) {
        return milestone.owners().stream().map(OwnerRole::realmRole).distinct().toList();
    }
}
