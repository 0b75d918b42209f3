package io.rhythm.nps.service.operations;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.operations.CycleOperation;
import io.rhythm.nps.domain.operations.DueOperations;
import io.rhythm.nps.domain.schedule.MilestoneCode;
import io.rhythm.nps.service.Milestones;
import io.rhythm.nps.service.delivery.SurveyInvitations;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a cycle's milestones do by themselves, run by the milestone scan ({@link Milestones}) with the injectable
 * Clock: the day-5 and day-12 non-responder pulls ({@link NonResponderPulls}), the day-6 reminders (through
 * {@link SurveyInvitations#remind(UUID, Instant)}: never to someone who answered, unsubscribed or whose link
 * expired) and the close once the close date has ended ({@link CycleClosing}). {@link DueOperations} decides what
 * is due from stored state only, so a second scan, a restart or a second replica repeats nothing.
 *
 * <h2>Reminders at most once</h2>
 * The reminder run is a row ({@code cycle_reminder_run}) claimed by one scan at a time (a claim older than
 * {@code rhythm.nps.reminder.claim-timeout} is taken over — its scan died). Whoever resumes it reminds only those
 * not reminded since the run started, so a crash in the middle reminds nobody twice; the finished run records its
 * counts and completes the REMINDER milestone as {@value NonResponderPulls#SYSTEM}. If SMTP fails, the claim is
 * released with the error and the next scan carries on.
 */
@ApplicationScoped
public class CycleAutomation {

    private static final Logger LOG = Logger.getLogger(CycleAutomation.class);

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    NonResponderPulls pulls;
    @Inject
    SurveyInvitations invitations;
    @Inject
    CycleClosing closing;
    @Inject
    Milestones milestones;

    @ConfigProperty(name = "rhythm.nps.reminder.claim-timeout", defaultValue = "30m")
    Duration claimTimeout;

    /** What one scan did for one cycle. */
    public record Done(String cycleId, List<CycleOperation> operations) {
    }

    /** Runs what is due in every open cycle that has opened; one cycle's failure does not stop the others. */
    public List<Done> runDue() {
        Instant now = Instant.now(clock);
        List<UUID> open = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select id from survey_cycle where status = 'OPEN' and open_date <= ?1 order by open_date, id""")
                .setParameter(1, Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC))).getResultList()
                .stream().map(id -> (UUID) id).toList());
        List<Done> done = new ArrayList<>();
        for (UUID cycleId : open) {
            try {
                Done d = runDue(cycleId, now);
                if (!d.operations().isEmpty()) {
                    done.add(d);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Cycle %s: its due operations failed; the next scan tries again", cycleId);
            }
        }
        return done;
    }

    /** Runs what is due in one cycle now. */
    public Done runDue(UUID cycleId) {
        return runDue(cycleId, Instant.now(clock));
    }

    private Done runDue(UUID cycleId, Instant now) {
        DueOperations.CycleState state = QuarkusTransaction.requiringNew().call(() -> state(cycleId));
        List<CycleOperation> done = new ArrayList<>();
        for (CycleOperation operation : DueOperations.at(state, now)) {
            boolean did = switch (operation) {
                case FIRST_PULL, FINAL_PULL -> QuarkusTransaction.requiringNew().call(() -> pulls.takeScheduled(cycleId,
                        operation.milestone(), state.dueDates().get(operation.milestone())));
                case REMINDERS -> remind(cycleId);
                case CLOSE -> QuarkusTransaction.requiringNew().call(() ->
                        closing.closeIfOpen(cycleId, NonResponderPulls.SYSTEM).isPresent());
            };
            if (did) {
                done.add(operation);
            }
        }
        if (!done.isEmpty()) {
            LOG.infof("Cycle %s: %s", cycleId, done);
        }
        return new Done(cycleId.toString(), List.copyOf(done));
    }

    private DueOperations.CycleState state(UUID cycleId) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        Map<MilestoneCode, LocalDate> due = new EnumMap<>(MilestoneCode.class);
        boolean reminderByPerson = false;
        for (Object row : em.createNativeQuery("select code, due_date, completed_at, completed_by from cycle_milestone where cycle_id = ?1")
                .setParameter(1, cycleId).getResultList()) {
            Object[] c = (Object[]) row;
            MilestoneCode code;
            try {
                code = MilestoneCode.valueOf((String) c[0]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            due.put(code, SqlValues.localDate(c[1]));
            if (code == MilestoneCode.REMINDER && c[2] != null && !NonResponderPulls.SYSTEM.equals(c[3])) {
                reminderByPerson = true;
            }
        }
        Set<MilestoneCode> taken = new HashSet<>();
        for (Object milestone : em.createNativeQuery(
                        "select milestone from non_responder_pull where cycle_id = ?1 and milestone is not null")
                .setParameter(1, cycleId).getResultList()) {
            taken.add(MilestoneCode.valueOf((String) milestone));
        }
        boolean remindersFinished = !em.createNativeQuery(
                        "select 1 from cycle_reminder_run where cycle_id = ?1 and finished_at is not null")
                .setParameter(1, cycleId).getResultList().isEmpty();
        return new DueOperations.CycleState(cycle.isClosed(), cycle.recipientsFrozenAt != null,
                DueOperations.closesAt(cycle.closeDate), due, taken, remindersFinished, reminderByPerson,
                cycle.isExternallyDelivered(), cycle.createdAt == null || cycle.createdAt.isBefore(DueOperations.closesAt(cycle.closeDate)));
    }

    /** The reminder run (see the class comment); true when this scan finished it. */
    private boolean remind(UUID cycleId) {
        Optional<Instant> since = QuarkusTransaction.requiringNew().call(() -> claim(cycleId));
        if (since.isEmpty()) {
            return false;
        }
        SurveyInvitations.ReminderRun run;
        try {
            run = invitations.remind(cycleId, since.get());
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update cycle_reminder_run set claimed_at = null, last_error = ?1 where cycle_id = ?2")
                    .setParameter(1, String.valueOf(e.getMessage())).setParameter(2, cycleId).executeUpdate());
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            update cycle_reminder_run set finished_at = ?1, claimed_at = null, last_error = null,
                                reminded = (select count(*) from survey_invitation i
                                            where i.cycle_id = ?2 and i.reminded_at >= cycle_reminder_run.started_at),
                                skipped_responded = ?3, skipped_unsubscribed = ?4, skipped_recently_reminded = ?5,
                                skipped_expired = ?6
                            where cycle_id = ?2""")
                    .setParameter(1, Timestamp.from(Instant.now(clock))).setParameter(2, cycleId)
                    .setParameter(3, run.skippedResponded()).setParameter(4, run.skippedUnsubscribed())
                    .setParameter(5, run.skippedRecentlyReminded()).setParameter(6, run.skippedExpired()).executeUpdate();
            milestones.completeIfOpen(cycleId, MilestoneCode.REMINDER.name(), NonResponderPulls.SYSTEM);
        });
        return true;
    }

    /** Claims the cycle's reminder run: its start (to resume from), or empty if finished or claimed by another scan. */
    private Optional<Instant> claim(UUID cycleId) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int created = em.createNativeQuery("""
                        insert into cycle_reminder_run (cycle_id, started_at, claimed_at) values (?1, ?2, ?2)
                        on conflict (cycle_id) do nothing""")
                .setParameter(1, cycleId).setParameter(2, Timestamp.from(now)).executeUpdate();
        if (created == 1) {
            return Optional.of(now);
        }
        int resumed = em.createNativeQuery("""
                        update cycle_reminder_run set claimed_at = ?1
                        where cycle_id = ?2 and finished_at is null and (claimed_at is null or claimed_at < ?3)""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, cycleId)
                .setParameter(3, Timestamp.from(now.minus(claimTimeout))).executeUpdate();
        if (resumed == 0) {
            return Optional.empty();
        }
        Object started = em.createNativeQuery("select started_at from cycle_reminder_run where cycle_id = ?1")
                .setParameter(1, cycleId).getSingleResult();
        return Optional.of(SqlValues.instant(started));
    }
}
